package org.undersigned.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the deployment files statically, since no container engine or cluster is at hand: the Kubernetes
 * manifests against the Kubernetes object model and against each other, the compose file against its own
 * services and the Dockerfile, and the Dockerfile against the repository it is built from.
 * <p>
 * Every check is a method that returns the problems it finds. The tests assert that the real files have none,
 * and feed several checks a broken variant to show that they do report what is wrong.
 */
class DeploymentFilesTest {

    /** The Docker build context: the repository root (compose builds with context {@code ..} from docker/). */
    private static final Path CONTEXT = Path.of("");

    private static final Path DOCKER = Path.of("docker");
    private static final Path K8S = Path.of("k8s");
    private static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");
    private static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    private static final Path DOCKERIGNORE = Path.of(".dockerignore");
    private static final Path APPLICATION_PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    private static final int APP_PORT = 8080;
    /** The Quarkus management interface: health and metrics, never the public Service. */
    private static final int MANAGEMENT_PORT = 9000;

    private static final String METRICS = "/q/metrics";
    private static final int POSTGRES_PORT = 5432;
    private static final String CONTENT_DIR = "/deployments/content";
    private static final String LIVE = "/q/health/live";
    private static final String READY = "/q/health/ready";
    /** Time the JVM needs to exit after the Quarkus shutdown timeout, within the pod's grace period. */
    private static final Duration EXIT_MARGIN = Duration.ofSeconds(5);

    /** The apiVersion/kind pairs of built-in objects, with the fabric8 class each one must deserialise into. */
    private static final Map<String, Class<? extends HasMetadata>> BUILT_IN_KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";
    /** Keys of the secret that CloudNativePG generates for a cluster's owner role, named {@code <cluster>-app}. */
    private static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass");
    /** Kinds that k8s/ must define, with the name the other files rely on ("" when any name will do). */
    private static final Map<String, String> REQUIRED_OBJECTS = requiredObjects();
    /**
     * Environment variables the app cannot start without in a cluster, or cannot tell its visitors apart without
     * (behind the Ingress or Gateway, X-Forwarded-For is believed only from the trusted proxies).
     */
    private static final List<String> REQUIRED_ENV = List.of(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "UNDERSIGNED_PUBLIC_URL",
            "UNDERSIGNED_TRUSTED_PROXIES");

    private static final Path CONFIG_MAP = K8S.resolve("configmap.yaml");

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern JDBC_POSTGRESQL =
            Pattern.compile("jdbc:postgresql://([^/:,?]+)(?::(\\d+))?/([^/?]+)(\\?.*)?");
    private static final Pattern CONTINUATION = Pattern.compile("\\\\\\s*$");

    /** YAML reader that, like kubectl and compose, refuses a key given twice in one mapping. */
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    /** Reads objects into the fabric8 model the way the API server reads them: unknown fields fail. */
    private static final ObjectMapper STRICT = strictModelMapper();
    /** Reads objects into the fabric8 model for the cross-reference checks (strictness is the schema check's job). */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    // ---- the real files ---------------------------------------------------------------------------------------

    @Test
    void everyKubernetesFileHoldsWellFormedObjects() throws IOException {
        List<Path> files = yamlFiles(K8S);
        assertTrue(!files.isEmpty(), "no YAML files in " + K8S);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                List<Doc> docs = readDocuments(source(file), Files.readString(file));
                if (docs.isEmpty()) {
                    problems.add(source(file) + ": holds no object");
                }
                problems.addAll(checkDocumentShape(docs));
            } catch (IOException e) {
                problems.add(source(file) + ": not valid YAML: " + e.getMessage());
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void builtInKubernetesObjectsMatchTheKubernetesSchemaWithoutUnknownFields() throws IOException {
        assertNoProblems(checkSchema(k8sDocuments()));
    }

    @Test
    void everyExpectedKubernetesObjectIsDefinedExactlyOnce() throws IOException {
        assertNoProblems(checkKinds(k8sDocuments()));
    }

    @Test
    void kubernetesObjectsReferToEachOtherConsistently() throws IOException {
        assertNoProblems(checkCrossReferences(k8sDocuments()));
    }

    @Test
    void podsRunHardenedAndOutliveTheGracefulShutdown() throws IOException {
        assertNoProblems(checkPodHardening(k8sDocuments(), shutdownTimeout()));
    }

    @Test
    void kubernetesTrustsAProxyRangeAndSaysItMustBeSetToTheIngressRange() throws IOException {
        List<String> lines = Files.readAllLines(CONFIG_MAP);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("UNDERSIGNED_TRUSTED_PROXIES:")) {
                at = i;
            }
        }
        assertTrue(at >= 0, CONFIG_MAP + " sets no UNDERSIGNED_TRUSTED_PROXIES");
        StringBuilder comment = new StringBuilder();
        for (int i = at - 1; i >= 0 && lines.get(i).strip().startsWith("#"); i--) {
            comment.insert(0, lines.get(i).strip().substring(1) + " ");
        }
        String said = comment.toString().toLowerCase(Locale.ROOT);
        assertTrue(
                said.contains("must be set") && said.contains("ingress") && said.contains("placeholder"),
                "the comment above UNDERSIGNED_TRUSTED_PROXIES must say it is a placeholder that must be set to the"
                        + " ingress range: " + comment);
        String value =
                lines.get(at).substring(lines.get(at).indexOf(':') + 1).strip().replace("\"", "");
        for (String entry : value.split(",")) {
            assertTrue(isAddressOrCidr(entry.strip()), "not an address or CIDR: '" + entry + "' in " + CONFIG_MAP);
        }
    }

    /** As the app reads undersigned.trusted-proxies: a literal address, optionally with a prefix length. */
    private static boolean isAddressOrCidr(String entry) {
        String[] parts = entry.split("/", -1);
        if (parts.length > 2 || !parts[0].matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            int bits = InetAddress.getByName(parts[0]).getAddress().length * 8;
            return parts.length == 1 || parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= bits;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Test
    void composeRunsTheImageAgainstItsOwnDatabaseAndMailSink() throws IOException {
        assertNoProblems(checkCompose(compose(), DOCKER, CONTEXT, DOCKERFILE));
    }

    @Test
    void dockerfileBuildsInStagesAndRunsTheFastJarAsNonRootWithTheLetters() throws IOException {
        assertNoProblems(checkDockerfile(dockerfile()));
    }

    @Test
    void dockerfileCopiesOnlyFilesThatExistAndAreNotDockerignored() throws IOException {
        assertNoProblems(checkDockerContext(dockerfile(), CONTEXT, Files.readAllLines(DOCKERIGNORE)));
    }

    // ---- the checks report broken variants --------------------------------------------------------------------

    @Test
    void yamlReaderRefusesAKeyGivenTwice() {
        IOException e = assertThrows(
                IOException.class,
                () -> readDocuments("twice.yaml", "apiVersion: v1\nkind: Service\nkind: ConfigMap\n"));
        assertTrue(e.getMessage().contains("Duplicate field 'kind'"), e::getMessage);
    }

    @Test
    void schemaCheckReportsAMisspelledField() throws IOException {
        List<Doc> docs = withChanged(
                "Deployment",
                d -> object(d, "spec.template.spec.containers.0.livenessProbe").put("timeoutSecond", 3));
        assertReports(
                checkSchema(docs),
                "Deployment undersigned",
                "timeoutSecond",
                "spec.template.spec.containers[0].livenessProbe");
    }

    @Test
    void schemaCheckReportsAnUnquotedNumberWhereKubernetesExpectsAString() throws IOException {
        List<Doc> docs = withChanged("ConfigMap", c -> object(c, "data").put("QUARKUS_MAILER_PORT", 587));
        assertReports(checkSchema(docs), "ConfigMap", "data.QUARKUS_MAILER_PORT");
    }

    @Test
    void schemaCheckReportsAKindItDoesNotKnow() throws IOException {
        List<Doc> docs = withChanged("HorizontalPodAutoscaler", h -> h.put("apiVersion", "autoscaling/v2beta1"));
        assertReports(checkSchema(docs), "unexpected apiVersion/kind autoscaling/v2beta1/HorizontalPodAutoscaler");
    }

    @Test
    void crossReferenceCheckReportsAServiceSelectorThatMatchesNoPods() throws IOException {
        List<Doc> docs = withChanged(
                "Service", s -> object(s, "spec.selector").put("app.kubernetes.io/name", "undersigned-typo"));
        assertReports(checkCrossReferences(docs), "Service undersigned", "matches the pods of no Deployment");
    }

    @Test
    void crossReferenceCheckReportsAPodDisruptionBudgetThatCoversNoPods() throws IOException {
        List<Doc> docs = withChanged(
                "PodDisruptionBudget",
                p -> object(p, "spec.selector.matchLabels").put("app.kubernetes.io/component", "worker"));
        assertReports(
                checkCrossReferences(docs), "PodDisruptionBudget undersigned", "matches the pods of no Deployment");
    }

    @Test
    void crossReferenceCheckReportsAJdbcUrlThatBypassesTheReadWriteService() throws IOException {
        List<Doc> docs = withChanged(
                "ConfigMap",
                c -> object(c, "data")
                        .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://undersigned-db-ro:5432/undersigned"));
        assertReports(
                checkCrossReferences(docs), "QUARKUS_DATASOURCE_JDBC_URL", "undersigned-db-ro", "read-write service");
    }

    @Test
    void crossReferenceCheckReportsASecretThatIsNotDefined() throws IOException {
        List<Doc> docs = withChanged(
                "Deployment",
                d -> object(d, "spec.template.spec.containers.0.env.0.valueFrom.secretKeyRef")
                        .put("name", "undersigned-db-owner"));
        assertReports(checkCrossReferences(docs), "secretKeyRef", "undersigned-db-owner", "names no Secret");
    }

    @Test
    void crossReferenceCheckReportsProbesOnTheWrongPathOrPort() throws IOException {
        List<Doc> docs = withChanged("Deployment", d -> {
            object(d, "spec.template.spec.containers.0.readinessProbe.httpGet").put("path", "/q/health");
            object(d, "spec.template.spec.containers.0.livenessProbe.httpGet").put("port", 9100);
        });
        List<String> problems = checkCrossReferences(docs);
        assertReports(problems, "readinessProbe requests /q/health", READY);
        assertReports(problems, "livenessProbe port 9100 is not a port of the container");
    }

    @Test
    void crossReferenceCheckReportsProbesScrapesAndAServiceOnTheWrongSideOfTheManagementPort() throws IOException {
        List<Doc> docs = withChanged("Deployment", d -> {
            object(d, "spec.template.spec.containers.0.readinessProbe.httpGet").put("port", "http");
            object(d, "spec.template.metadata.annotations").put("prometheus.io/port", "8080");
        });
        List<String> problems = checkCrossReferences(docs);
        assertReports(problems, "readinessProbe asks port 8080", "management port 9000");
        assertReports(problems, "prometheus.io/port is 8080", "management port 9000");

        List<Doc> exposed = withChanged(
                "Service", s -> ((ObjectNode) s.path("spec").path("ports").path(0)).put("targetPort", "management"));
        assertReports(checkCrossReferences(exposed), "Service undersigned", "exposes the management port 9000");
    }

    @Test
    void dockerfileCheckReportsAHealthCheckOnThePublicPort() throws IOException {
        String text = Files.readString(DOCKERFILE);
        String broken = replaced(text, "${QUARKUS_MANAGEMENT_PORT:-9000}", "${PORT:-8080}");
        assertReports(checkDockerfile(parseDockerfile(broken)), "HEALTHCHECK does not ask the management port 9000");
    }

    @Test
    void kindCheckReportsAMissingPodDisruptionBudget() throws IOException {
        List<Doc> docs = k8sDocuments().stream()
                .filter(d -> !d.kind().equals("PodDisruptionBudget"))
                .toList();
        assertReports(checkKinds(docs), "no PodDisruptionBudget");
    }

    @Test
    void hardeningCheckReportsAGracePeriodShorterThanTheShutdownTimeoutAndAWritableRoot() throws IOException {
        List<Doc> docs = withChanged("Deployment", d -> {
            object(d, "spec.template.spec").put("terminationGracePeriodSeconds", 10);
            object(d, "spec.template.spec.containers.0.securityContext").put("readOnlyRootFilesystem", false);
        });
        List<String> problems = checkPodHardening(docs, Duration.ofSeconds(20));
        assertReports(problems, "terminationGracePeriodSeconds 10");
        assertReports(problems, "root filesystem is writable");
    }

    @Test
    void composeCheckReportsADatasourceUrlNamingAnotherDatabaseAndAMissingDependency() throws IOException {
        JsonNode compose = compose().deepCopy();
        object(compose, "services.app.environment")
                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/letters");
        object(compose, "services.app").remove("depends_on");
        List<String> problems = checkCompose(compose, DOCKER, CONTEXT, DOCKERFILE);
        assertReports(problems, "database letters", "service db creates undersigned");
        assertReports(problems, "does not depend on db");
    }

    @Test
    void dockerfileCheckReportsCopyFromALaterStageAndARootUser() throws IOException {
        String text = Files.readString(DOCKERFILE);
        String broken = replaced(replaced(text, "--from=build ", "--from=runtime "), "USER 185", "USER root");
        List<String> problems = checkDockerfile(parseDockerfile(broken));
        assertReports(problems, "COPY --from=runtime names no earlier stage");
        assertReports(problems, "USER root is not a numeric UID");
    }

    @Test
    void dockerContextCheckReportsACopiedFileThatIsMissingOrIgnored(@TempDir Path context) throws IOException {
        Files.createDirectories(context.resolve("data"));
        Files.writeString(context.resolve("data/seed.sql"), "select 1;");
        Files.writeString(context.resolve("pom.xml"), "<project/>");
        List<Instruction> instructions = parseDockerfile("""
                FROM eclipse-temurin:17-jdk AS build
                COPY pom.xml ./
                COPY missing.txt data/seed.sql /build/
                """);
        List<String> problems = checkDockerContext(instructions, context, List.of("# local state", "data/"));
        assertReports(problems, "line 3", "missing.txt", "no such file");
        assertReports(problems, "line 3", "data/seed.sql", "excluded by .dockerignore (data/)");
        assertReports(problems, "does not exclude target/");
        assertTrue(problems.stream().noneMatch(p -> p.contains("pom.xml")), problems::toString);
    }

    @Test
    void dockerfileParserJoinsContinuationLinesAndSkipsComments() {
        List<Instruction> instructions = parseDockerfile("""
                # syntax=docker/dockerfile:1
                ARG JDK=17
                FROM eclipse-temurin:${JDK}-jdk AS build

                RUN apt-get update \\
                # a comment inside the continuation
                    && apt-get install -y git   \\
                    && rm -rf /var/lib/apt/lists/*
                from scratch
                COPY --from=build --chown=185:185 ["/a b", "/c"]
                """);
        assertEquals(
                List.of(
                        "2 ARG JDK=17",
                        "3 FROM eclipse-temurin:${JDK}-jdk AS build",
                        "5 RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*",
                        "9 FROM scratch",
                        "10 COPY --from=build --chown=185:185 [\"/a b\", \"/c\"]"),
                instructions.stream()
                        .map(i -> i.line() + " " + i.keyword() + " "
                                + i.arguments().replaceAll("\\s+", " "))
                        .toList());
        CopyArgs copy = copyArgs(instructions.get(4).arguments());
        assertEquals(Map.of("from", "build", "chown", "185:185"), copy.flags());
        assertEquals(List.of("/a b"), copy.sources());
        assertEquals("/c", copy.destination());
        List<Stage> stages = stages(instructions);
        assertEquals(List.of("build", ""), stages.stream().map(Stage::name).toList());
    }

    // ---- Kubernetes: reading ----------------------------------------------------------------------------------

    /** One YAML document of a file. */
    record Doc(String source, JsonNode node) {
        String apiVersion() {
            return node.path("apiVersion").asText("");
        }

        String kind() {
            return node.path("kind").asText("");
        }

        String name() {
            return node.path("metadata").path("name").asText("");
        }

        String type() {
            return apiVersion() + "/" + kind();
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + source + ")";
        }
    }

    static List<Doc> readDocuments(String source, String yaml) throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> values = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (values.hasNextValue()) {
                JsonNode node = values.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    docs.add(new Doc(source, node));
                }
            }
        }
        return docs;
    }

    private static List<Doc> k8sDocuments() throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (Path file : yamlFiles(K8S)) {
            docs.addAll(readDocuments(source(file), Files.readString(file)));
        }
        return docs;
    }

    /** The documents of built-in kinds as fabric8 objects, and the CloudNativePG clusters as trees. */
    static final class Manifests {
        final List<HasMetadata> objects = new ArrayList<>();
        final Map<String, JsonNode> clusters = new TreeMap<>();
        final List<String> problems = new ArrayList<>();

        Manifests(List<Doc> docs) {
            for (Doc doc : docs) {
                Class<? extends HasMetadata> type = BUILT_IN_KINDS.get(doc.type());
                if (type != null) {
                    try {
                        objects.add(LENIENT.treeToValue(doc.node(), type));
                    } catch (JsonProcessingException e) {
                        problems.add(doc + ": " + describe(e));
                    }
                } else if (CNPG_CLUSTER.equals(doc.type())) {
                    clusters.put(doc.name(), doc.node());
                }
            }
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    // ---- Kubernetes: checks -----------------------------------------------------------------------------------

    /** Each document is an object with apiVersion, kind and a valid name, and leaves the namespace to kubectl. */
    static List<String> checkDocumentShape(List<Doc> docs) {
        List<String> problems = new ArrayList<>();
        for (Doc doc : docs) {
            if (!doc.node().isObject()) {
                problems.add(doc.source() + ": a document is not a mapping");
                continue;
            }
            if (doc.apiVersion().isEmpty() || doc.kind().isEmpty()) {
                problems.add(doc + ": no apiVersion or kind");
            }
            String name = doc.name();
            boolean valid = doc.kind().equals("Service")
                    ? DNS_LABEL.matcher(name).matches() && name.length() <= 63
                    : DNS_SUBDOMAIN.matcher(name).matches() && name.length() <= 253;
            if (!valid) {
                problems.add(doc + ": metadata.name '" + name + "' is not a valid Kubernetes name");
            }
            if (doc.node().path("metadata").has("namespace")) {
                problems.add(doc + ": sets metadata.namespace; the namespace is chosen with kubectl -n");
            }
        }
        return problems;
    }

    /**
     * Each built-in object deserialises into its fabric8 class with no unknown field and no loosely typed
     * scalar; any other apiVersion/kind than the CloudNativePG Cluster is reported.
     */
    static List<String> checkSchema(List<Doc> docs) {
        List<String> problems = new ArrayList<>();
        for (Doc doc : docs) {
            Class<? extends HasMetadata> type = BUILT_IN_KINDS.get(doc.type());
            if (type != null) {
                try {
                    STRICT.treeToValue(doc.node(), type);
                } catch (JsonProcessingException e) {
                    problems.add(doc + ": " + describe(e));
                }
            } else if (!CNPG_CLUSTER.equals(doc.type())) {
                problems.add(doc + ": unexpected apiVersion/kind " + doc.type());
            }
        }
        return problems;
    }

    /** Each expected kind is present (under the expected name where others refer to it), and nothing twice. */
    static List<String> checkKinds(List<Doc> docs) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> required : REQUIRED_OBJECTS.entrySet()) {
            List<String> names = docs.stream()
                    .filter(d -> d.kind().equals(required.getKey()))
                    .map(Doc::name)
                    .toList();
            if (names.isEmpty()) {
                problems.add("no " + required.getKey() + " in " + K8S);
            } else if (!required.getValue().isEmpty() && !names.contains(required.getValue())) {
                problems.add("no " + required.getKey() + " named " + required.getValue() + " (found " + names + ")");
            }
        }
        Set<String> seen = new HashSet<>();
        for (Doc doc : docs) {
            if (!seen.add(doc.type() + "/" + doc.name())) {
                problems.add(doc + ": defined twice");
            }
        }
        return problems;
    }

    /**
     * The objects agree with each other: selectors match the Deployment's pods, the HPA scales the Deployment,
     * every ConfigMap and Secret the pods use is defined (or generated by CloudNativePG), probes and the Service
     * reach the container port, the JDBC URL reaches the database cluster's primary, resources are bounded.
     */
    static List<String> checkCrossReferences(List<Doc> docs) {
        Manifests m = new Manifests(docs);
        List<String> problems = new ArrayList<>(m.problems);
        List<Deployment> deployments = m.all(Deployment.class);
        if (deployments.isEmpty()) {
            problems.add("no Deployment for the other objects to refer to");
            return problems;
        }

        Map<String, Set<String>> configMapKeys = new TreeMap<>();
        for (ConfigMap c : m.all(ConfigMap.class)) {
            configMapKeys.put(name(c), union(keys(c.getData()), keys(c.getBinaryData())));
        }
        Map<String, Set<String>> secretKeys = new TreeMap<>();
        for (Secret s : m.all(Secret.class)) {
            secretKeys.put(name(s), union(keys(s.getData()), keys(s.getStringData())));
        }
        for (String cluster : m.clusters.keySet()) {
            secretKeys.putIfAbsent(cluster + "-app", CNPG_APP_SECRET_KEYS);
        }

        for (Deployment d : deployments) {
            String where = "Deployment " + name(d);
            if (!selects(d.getSpec().getSelector(), podLabels(d))) {
                problems.add(where + ": its selector does not match its own pod labels " + podLabels(d));
            }
            checkScrapeAnnotations(problems, where, d);
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : allContainers(pod)) {
                String at = where + " container " + c.getName();
                Set<String> env = new TreeSet<>();
                for (EnvFromSource from : list(c.getEnvFrom())) {
                    String prefix = Objects.requireNonNullElse(from.getPrefix(), "");
                    if (from.getConfigMapRef() != null) {
                        String ref = from.getConfigMapRef().getName();
                        if (configMapKeys.containsKey(ref)) {
                            configMapKeys.get(ref).forEach(k -> env.add(prefix + k));
                        } else if (!Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                            problems.add(at + ": envFrom configMapRef " + ref + " names no ConfigMap in " + K8S);
                        }
                    }
                    if (from.getSecretRef() != null) {
                        String ref = from.getSecretRef().getName();
                        if (secretKeys.containsKey(ref)) {
                            secretKeys.get(ref).forEach(k -> env.add(prefix + k));
                        } else if (!Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                            problems.add(at + ": envFrom secretRef " + ref + " names no Secret in " + K8S
                                    + " nor a CloudNativePG <cluster>-app secret");
                        }
                    }
                }
                for (EnvVar var : list(c.getEnv())) {
                    env.add(var.getName());
                    EnvVarSource from = var.getValueFrom();
                    if (from != null
                            && from.getConfigMapKeyRef() != null
                            && !Boolean.TRUE.equals(from.getConfigMapKeyRef().getOptional())) {
                        checkKeyRef(
                                problems,
                                at + " env " + var.getName() + " configMapKeyRef",
                                "ConfigMap",
                                configMapKeys,
                                from.getConfigMapKeyRef().getName(),
                                from.getConfigMapKeyRef().getKey());
                    }
                    if (from != null
                            && from.getSecretKeyRef() != null
                            && !Boolean.TRUE.equals(from.getSecretKeyRef().getOptional())) {
                        checkKeyRef(
                                problems,
                                at + " env " + var.getName() + " secretKeyRef",
                                "Secret",
                                secretKeys,
                                from.getSecretKeyRef().getName(),
                                from.getSecretKeyRef().getKey());
                    }
                }
                if (list(pod.getContainers()).contains(c)) {
                    for (String required : REQUIRED_ENV) {
                        if (!env.contains(required)) {
                            problems.add(at + ": gets no " + required + " from env or envFrom");
                        }
                    }
                    checkContainer(problems, at, c);
                }
            }
            for (Volume v : list(pod.getVolumes())) {
                if (v.getConfigMap() != null
                        && !configMapKeys.containsKey(v.getConfigMap().getName())
                        && !Boolean.TRUE.equals(v.getConfigMap().getOptional())) {
                    problems.add(where + " volume " + v.getName() + ": names no ConfigMap "
                            + v.getConfigMap().getName());
                }
                if (v.getSecret() != null
                        && !secretKeys.containsKey(v.getSecret().getSecretName())
                        && !Boolean.TRUE.equals(v.getSecret().getOptional())) {
                    problems.add(where + " volume " + v.getName() + ": names no Secret "
                            + v.getSecret().getSecretName());
                }
            }
        }

        for (Service s : m.all(Service.class)) {
            String where = "Service " + name(s);
            Map<String, String> selector = s.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                problems.add(where + ": has no selector");
                continue;
            }
            List<Deployment> targets = deployments.stream()
                    .filter(d -> podLabels(d).entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (targets.isEmpty()) {
                problems.add(where + ": selector " + selector + " matches the pods of no Deployment");
            }
            for (ServicePort port : list(s.getSpec().getPorts())) {
                IntOrString target =
                        port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                for (Deployment d : targets) {
                    Optional<Integer> reached = containerPort(target, containerPorts(d));
                    if (reached.isEmpty()) {
                        problems.add(where + ": port " + port.getPort() + " targets " + show(target)
                                + ", which is no container port of Deployment " + name(d));
                    } else if (reached.get() == MANAGEMENT_PORT) {
                        problems.add(where + ": port " + port.getPort() + " exposes the management port "
                                + MANAGEMENT_PORT + " (health and metrics are not for the public)");
                    }
                }
            }
        }

        for (PodDisruptionBudget pdb : m.all(PodDisruptionBudget.class)) {
            String where = "PodDisruptionBudget " + name(pdb);
            LabelSelector selector = pdb.getSpec().getSelector();
            if (selector == null
                    || (list(selector.getMatchExpressions()).isEmpty()
                            && (selector.getMatchLabels() == null
                                    || selector.getMatchLabels().isEmpty()))) {
                problems.add(where + ": has no selector, so it covers every pod of the namespace");
                continue;
            }
            List<Deployment> targets = deployments.stream()
                    .filter(d -> selects(selector, podLabels(d)))
                    .toList();
            if (targets.isEmpty()) {
                problems.add(where + ": selector matches the pods of no Deployment");
            }
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            for (Deployment d : targets) {
                int replicas = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
                if (minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() >= replicas) {
                    problems.add(where + ": minAvailable " + minAvailable.getIntVal() + " with " + replicas
                            + " replicas of Deployment " + name(d)
                            + " leaves no pod evictable, which blocks node drains");
                }
            }
        }

        for (HorizontalPodAutoscaler hpa : m.all(HorizontalPodAutoscaler.class)) {
            String where = "HorizontalPodAutoscaler " + name(hpa);
            CrossVersionObjectReference ref = hpa.getSpec().getScaleTargetRef();
            Optional<Deployment> target =
                    ref == null || !"Deployment".equals(ref.getKind()) || !"apps/v1".equals(ref.getApiVersion())
                            ? Optional.empty()
                            : deployments.stream()
                                    .filter(d -> name(d).equals(ref.getName()))
                                    .findFirst();
            if (target.isEmpty()) {
                problems.add(where + ": scaleTargetRef "
                        + (ref == null ? null : ref.getApiVersion() + " " + ref.getKind() + " " + ref.getName())
                        + " names no Deployment in " + K8S);
                continue;
            }
            int min = Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1);
            int max = Objects.requireNonNullElse(hpa.getSpec().getMaxReplicas(), 0);
            int replicas = Objects.requireNonNullElse(target.get().getSpec().getReplicas(), 1);
            if (min > max || replicas < min || replicas > max) {
                problems.add(where + ": replicas " + replicas + " of the Deployment outside minReplicas " + min
                        + " .. maxReplicas " + max);
            }
            for (MetricSpec metric : list(hpa.getSpec().getMetrics())) {
                boolean cpuUtilization = "Resource".equals(metric.getType())
                        && metric.getResource() != null
                        && "cpu".equals(metric.getResource().getName())
                        && metric.getResource().getTarget() != null
                        && "Utilization".equals(metric.getResource().getTarget().getType());
                if (cpuUtilization
                        && list(target.get().getSpec().getTemplate().getSpec().getContainers()).stream()
                                .anyMatch(c -> request(c, "cpu") == null)) {
                    problems.add(where + ": scales on CPU utilization, which needs a CPU request on every container");
                }
            }
        }

        for (ConfigMap c : m.all(ConfigMap.class)) {
            String url = c.getData() == null ? null : c.getData().get("QUARKUS_DATASOURCE_JDBC_URL");
            if (url == null) {
                continue;
            }
            String where = "ConfigMap " + name(c) + " QUARKUS_DATASOURCE_JDBC_URL";
            Optional<JdbcUrl> jdbc = JdbcUrl.parse(url);
            if (jdbc.isEmpty()) {
                problems.add(where + ": not a jdbc:postgresql://host[:port]/database URL: " + url);
                continue;
            }
            String host = jdbc.get().host();
            Optional<String> cluster = m.clusters.keySet().stream()
                    .filter(n -> host.equals(n + "-rw") || host.startsWith(n + "-rw."))
                    .findFirst();
            if (cluster.isEmpty()) {
                problems.add(where + ": host " + host + " is not the read-write service <cluster>-rw of a"
                        + " CloudNativePG Cluster in " + K8S + " " + m.clusters.keySet());
                continue;
            }
            String database = m.clusters
                    .get(cluster.get())
                    .path("spec")
                    .path("bootstrap")
                    .path("initdb")
                    .path("database")
                    .asText("app");
            if (!database.equals(jdbc.get().database())) {
                problems.add(where + ": names database " + jdbc.get().database() + ", but Cluster " + cluster.get()
                        + " creates " + database);
            }
            if (jdbc.get().port() != null && jdbc.get().port() != POSTGRES_PORT) {
                problems.add(where + ": port " + jdbc.get().port() + " is not the PostgreSQL port " + POSTGRES_PORT);
            }
        }
        return problems;
    }

    /** Prometheus' pod annotations, when present, scrape the metrics on the management port. */
    private static void checkScrapeAnnotations(List<String> problems, String where, Deployment d) {
        ObjectMeta meta = d.getSpec().getTemplate().getMetadata();
        Map<String, String> annotations =
                meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
        if (!"true".equals(annotations.get("prometheus.io/scrape"))) {
            return;
        }
        if (!METRICS.equals(annotations.get("prometheus.io/path"))) {
            problems.add(where + ": prometheus.io/path is " + annotations.get("prometheus.io/path") + ", expected "
                    + METRICS);
        }
        if (!String.valueOf(MANAGEMENT_PORT).equals(annotations.get("prometheus.io/port"))) {
            problems.add(where + ": prometheus.io/port is " + annotations.get("prometheus.io/port")
                    + ", but metrics answer on the management port " + MANAGEMENT_PORT);
        }
    }

    private static void checkContainer(List<String> problems, String at, Container c) {
        if (list(c.getPorts()).stream().noneMatch(p -> Objects.equals(p.getContainerPort(), APP_PORT))) {
            problems.add(at + ": declares no containerPort " + APP_PORT + ", where the app listens");
        }
        if (list(c.getPorts()).stream().noneMatch(p -> Objects.equals(p.getContainerPort(), MANAGEMENT_PORT))) {
            problems.add(at + ": declares no containerPort " + MANAGEMENT_PORT + ", where health and metrics answer");
        }
        checkProbe(problems, at, "livenessProbe", c.getLivenessProbe(), c, LIVE::equals, LIVE);
        checkProbe(problems, at, "readinessProbe", c.getReadinessProbe(), c, READY::equals, READY);
        checkProbe(
                problems,
                at,
                "startupProbe",
                c.getStartupProbe(),
                c,
                p -> p.startsWith("/q/health/"),
                "a /q/health/ endpoint");
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = request(c, resource);
            Quantity limit = c.getResources() == null || c.getResources().getLimits() == null
                    ? null
                    : c.getResources().getLimits().get(resource);
            if (request == null) {
                problems.add(at + ": no " + resource + " request");
            }
            if (limit == null) {
                problems.add(at + ": no " + resource + " limit");
            }
            if (request != null
                    && limit != null
                    && Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
                problems.add(at + ": " + resource + " request " + request + " exceeds the limit " + limit);
            }
        }
    }

    private static void checkProbe(
            List<String> problems,
            String at,
            String kind,
            Probe probe,
            Container c,
            Predicate<String> pathOk,
            String expected) {
        if (probe == null) {
            problems.add(at + ": no " + kind);
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null) {
            problems.add(at + ": " + kind + " is not an HTTP GET on " + expected);
            return;
        }
        if (get.getPath() == null || !pathOk.test(get.getPath())) {
            problems.add(at + ": " + kind + " requests " + get.getPath() + ", expected " + expected);
        }
        Optional<Integer> port = containerPort(get.getPort(), list(c.getPorts()));
        if (port.isEmpty()) {
            problems.add(at + ": " + kind + " port " + show(get.getPort()) + " is not a port of the container");
        } else if (port.get() != MANAGEMENT_PORT) {
            problems.add(at + ": " + kind + " asks port " + port.get() + ", but health answers on the management port "
                    + MANAGEMENT_PORT);
        }
    }

    private static void checkKeyRef(
            List<String> problems, String at, String kind, Map<String, Set<String>> keys, String name, String key) {
        if (!keys.containsKey(name)) {
            problems.add(at + " " + name + " names no " + kind + " in " + K8S
                    + (kind.equals("Secret") ? " nor a CloudNativePG <cluster>-app secret" : ""));
        } else if (!keys.get(name).contains(key)) {
            problems.add(at + " " + name + " has no key " + key + " (keys: " + keys.get(name) + ")");
        }
    }

    /**
     * The pods survive a node loss, run as non-root on a read-only root filesystem with a writable /tmp, cannot
     * escalate privileges, and get enough time to finish Quarkus's graceful shutdown before being killed.
     */
    static List<String> checkPodHardening(List<Doc> docs, Duration shutdownTimeout) {
        Manifests m = new Manifests(docs);
        List<String> problems = new ArrayList<>(m.problems);
        for (Deployment d : m.all(Deployment.class)) {
            String where = "Deployment " + name(d);
            int replicas = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
            if (replicas < 2) {
                problems.add(where + ": " + replicas + " replica(s); one node loss or rollout takes the service down");
            }
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Long grace = pod.getTerminationGracePeriodSeconds();
            long needed = shutdownTimeout.plus(EXIT_MARGIN).toSeconds();
            if (grace == null) {
                problems.add(where + ": terminationGracePeriodSeconds is not set");
            } else if (grace < needed) {
                problems.add(where + ": terminationGracePeriodSeconds " + grace + " is shorter than quarkus.shutdown"
                        + ".timeout " + shutdownTimeout.toSeconds() + "s plus " + EXIT_MARGIN.toSeconds()
                        + "s to exit");
            }
            PodSecurityContext podSecurity = pod.getSecurityContext();
            for (Container c : allContainers(pod)) {
                String at = where + " container " + c.getName();
                SecurityContext security = c.getSecurityContext();
                Boolean nonRoot = security != null && security.getRunAsNonRoot() != null
                        ? security.getRunAsNonRoot()
                        : podSecurity == null ? null : podSecurity.getRunAsNonRoot();
                Long user = security != null && security.getRunAsUser() != null
                        ? security.getRunAsUser()
                        : podSecurity == null ? null : podSecurity.getRunAsUser();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    problems.add(at + ": runAsNonRoot is not true");
                }
                if (user != null && user == 0) {
                    problems.add(at + ": runAsUser 0 is root");
                }
                if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                    problems.add(at + ": the root filesystem is writable (readOnlyRootFilesystem is not true)");
                }
                if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                    problems.add(at + ": allowPrivilegeEscalation is not false");
                }
                Optional<VolumeMount> tmp = list(c.getVolumeMounts()).stream()
                        .filter(v -> "/tmp".equals(v.getMountPath()))
                        .findFirst();
                boolean tmpIsEmptyDir = tmp.isPresent()
                        && list(pod.getVolumes()).stream()
                                .anyMatch(v -> v.getName().equals(tmp.get().getName()) && v.getEmptyDir() != null);
                if (!tmpIsEmptyDir) {
                    problems.add(
                            at + ": /tmp is not an emptyDir volume; a read-only root leaves the JVM nowhere to write");
                }
            }
        }
        return problems;
    }

    // ---- compose ----------------------------------------------------------------------------------------------

    /**
     * The app service builds from the Dockerfile with the repository as context, waits for a healthy database,
     * reaches that database under the name, database, user and password the database service is created with,
     * sends mail to a service of the file, and publishes the app port; named volumes are declared.
     */
    static List<String> checkCompose(JsonNode compose, Path composeDir, Path context, Path dockerfile) {
        List<String> problems = new ArrayList<>();
        JsonNode services = compose.path("services");
        JsonNode app = services.path("app");
        if (!app.isObject()) {
            problems.add("compose: no service app");
            return problems;
        }
        JsonNode build = app.path("build");
        if (build.isMissingNode()) {
            problems.add("compose app: no build section; it should build from " + dockerfile);
        } else {
            String buildContext =
                    build.isTextual() ? build.asText() : build.path("context").asText(".");
            String file =
                    build.isTextual() ? "Dockerfile" : build.path("dockerfile").asText("Dockerfile");
            Path contextPath = composeDir.resolve(buildContext).normalize();
            Path built = composeDir.resolve(buildContext).resolve(file).normalize();
            if (!contextPath.equals(context.normalize())) {
                problems.add("compose app: build context " + buildContext + " is not the repository root");
            }
            if (!built.equals(dockerfile.normalize())) {
                problems.add("compose app: builds from " + built + ", not " + dockerfile);
            } else if (!Files.isRegularFile(built)) {
                problems.add("compose app: " + built + " does not exist");
            }
        }

        Map<String, String> env = environment(app.path("environment"));
        Map<String, String> dependsOn = dependsOn(app.path("depends_on"));
        String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
        Optional<JdbcUrl> jdbc = url == null ? Optional.empty() : JdbcUrl.parse(url);
        if (jdbc.isEmpty()) {
            problems.add(
                    "compose app: QUARKUS_DATASOURCE_JDBC_URL is missing or not jdbc:postgresql://host[:port]/database: "
                            + url);
        } else {
            String dbService = jdbc.get().host();
            JsonNode db = services.path(dbService);
            if (!db.isObject()) {
                problems.add("compose app: the datasource URL names host " + dbService + ", which is no service");
            } else {
                if (!db.path("image").asText("").startsWith("postgres")) {
                    problems.add("compose service " + dbService + ": image "
                            + db.path("image").asText() + " is not postgres");
                }
                Map<String, String> dbEnv = environment(db.path("environment"));
                String user = dbEnv.getOrDefault("POSTGRES_USER", "postgres");
                String database = dbEnv.getOrDefault("POSTGRES_DB", user);
                if (!database.equals(jdbc.get().database())) {
                    problems.add("compose app: the datasource URL names database "
                            + jdbc.get().database() + ", but service " + dbService + " creates " + database);
                }
                if (jdbc.get().port() != null && jdbc.get().port() != POSTGRES_PORT) {
                    problems.add("compose app: the datasource URL uses port "
                            + jdbc.get().port() + ", but PostgreSQL listens on " + POSTGRES_PORT);
                }
                if (!user.equals(env.get("QUARKUS_DATASOURCE_USERNAME"))) {
                    problems.add("compose app: QUARKUS_DATASOURCE_USERNAME is " + env.get("QUARKUS_DATASOURCE_USERNAME")
                            + ", but service " + dbService + " creates user " + user);
                }
                if (!Objects.equals(dbEnv.get("POSTGRES_PASSWORD"), env.get("QUARKUS_DATASOURCE_PASSWORD"))) {
                    problems.add("compose app: QUARKUS_DATASOURCE_PASSWORD differs from " + dbService
                            + "'s POSTGRES_PASSWORD");
                }
                String condition = dependsOn.get(dbService);
                if (condition == null) {
                    problems.add("compose app: does not depend on " + dbService);
                } else if (!"service_healthy".equals(condition)) {
                    problems.add(
                            "compose app: waits for " + dbService + " with " + condition + ", not service_healthy");
                } else if (!db.has("healthcheck")) {
                    problems.add("compose service " + dbService + ": no healthcheck, so service_healthy never holds");
                }
            }
        }

        String mailHost = env.get("QUARKUS_MAILER_HOST");
        if (mailHost != null) {
            JsonNode smtp = services.path(mailHost);
            if (!smtp.isObject()) {
                problems.add("compose app: QUARKUS_MAILER_HOST names " + mailHost + ", which is no service");
            } else {
                Set<Integer> ports = containerPorts(smtp.path("ports"));
                String mailPort = env.get("QUARKUS_MAILER_PORT");
                if (mailPort != null && !ports.isEmpty() && !ports.contains(Integer.parseInt(mailPort.strip()))) {
                    problems.add("compose app: QUARKUS_MAILER_PORT " + mailPort + " is not a port of " + mailHost + " "
                            + ports);
                }
                if (!dependsOn.containsKey(mailHost)) {
                    problems.add("compose app: does not depend on " + mailHost);
                }
            }
        }

        int appPort = env.containsKey("PORT") ? Integer.parseInt(env.get("PORT").strip()) : APP_PORT;
        if (!containerPorts(app.path("ports")).contains(appPort)) {
            problems.add("compose app: does not publish container port " + appPort);
        }

        Set<String> declared = new TreeSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        for (Map.Entry<String, JsonNode> service : fields(services)) {
            for (JsonNode volume : service.getValue().path("volumes")) {
                // short syntax "name:/path[:mode]" (a host path starts with . / ~ or $), long syntax {type: volume,
                // source}
                String source = volume.isTextual() && volume.asText().contains(":")
                        ? volume.asText().split(":")[0]
                        : volume.path("type").asText().equals("volume")
                                ? volume.path("source").asText("")
                                : "";
                boolean named = source.matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
                if (named && !declared.contains(source)) {
                    problems.add("compose service " + service.getKey() + ": volume " + source
                            + " is not declared under volumes");
                }
            }
        }
        return problems;
    }

    private static Map<String, String> environment(JsonNode env) {
        Map<String, String> values = new LinkedHashMap<>();
        if (env.isObject()) {
            fields(env)
                    .forEach(e -> values.put(
                            e.getKey(),
                            e.getValue().isNull() ? "" : e.getValue().asText()));
        } else {
            for (JsonNode item : env) {
                String[] pair = item.asText().split("=", 2);
                values.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return values;
    }

    /** Service name to condition, for both the list and the mapping form of depends_on. */
    private static Map<String, String> dependsOn(JsonNode dependsOn) {
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn.isObject()) {
            fields(dependsOn)
                    .forEach(e -> conditions.put(
                            e.getKey(), e.getValue().path("condition").asText("service_started")));
        } else {
            dependsOn.forEach(service -> conditions.put(service.asText(), "service_started"));
        }
        return conditions;
    }

    /** Container-side ports of a compose ports list ("8080:8080", "127.0.0.1:80:8080/tcp", {target: 8080}). */
    private static Set<Integer> containerPorts(JsonNode ports) {
        Set<Integer> result = new TreeSet<>();
        for (JsonNode port : ports) {
            String text = port.isObject() ? port.path("target").asText() : port.asText();
            String containerSide = text.substring(text.lastIndexOf(':') + 1).replaceAll("/.*", "");
            if (containerSide.matches("\\d+")) {
                result.add(Integer.parseInt(containerSide));
            }
        }
        return result;
    }

    // ---- Dockerfile -------------------------------------------------------------------------------------------

    /** One Dockerfile instruction, its continuation lines joined; line is where it starts (1-based). */
    record Instruction(int line, String keyword, String arguments) {}

    /** A build stage: index from 0, name from {@code AS name} ("" if none), and its instructions. */
    record Stage(int index, String name, String image, int line, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .toList();
        }
    }

    /** Leading {@code --flag=value} options, then sources and the destination (shell or JSON form). */
    record CopyArgs(Map<String, String> flags, List<String> sources, String destination) {}

    /**
     * Splits a Dockerfile into instructions: a line ending in a backslash continues on the next line, comment
     * lines (also inside a continuation) and blank lines are skipped. Parser directives are comments here.
     */
    static List<Instruction> parseDockerfile(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
            }
            Matcher continued = CONTINUATION.matcher(line);
            if (continued.find()) {
                current.append(line, 0, continued.start()).append(' ');
                continue;
            }
            current.append(line);
            instructions.add(instruction(start, current.toString()));
            current = null;
        }
        if (current != null) {
            instructions.add(instruction(start, current.toString()));
        }
        return instructions;
    }

    private static Instruction instruction(int line, String text) {
        String[] parts = text.strip().split("\\s+", 2);
        return new Instruction(line, parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
    }

    static List<Stage> stages(List<Instruction> instructions) {
        List<Stage> stages = new ArrayList<>();
        for (Instruction in : instructions) {
            if (in.keyword().equals("FROM")) {
                List<String> words = words(in.arguments()).stream()
                        .filter(w -> !w.startsWith("--"))
                        .toList();
                String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : "";
                stages.add(new Stage(
                        stages.size(),
                        name.toLowerCase(Locale.ROOT),
                        words.isEmpty() ? "" : words.get(0),
                        in.line(),
                        new ArrayList<>()));
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).instructions().add(in);
            }
        }
        return stages;
    }

    static CopyArgs copyArgs(String arguments) {
        Map<String, String> flags = new LinkedHashMap<>();
        String rest = arguments.strip();
        while (rest.startsWith("--")) {
            String[] split = rest.split("\\s+", 2);
            String flag = split[0].substring(2);
            int eq = flag.indexOf('=');
            flags.put(eq < 0 ? flag : flag.substring(0, eq), eq < 0 ? "" : flag.substring(eq + 1));
            rest = split.length > 1 ? split[1].strip() : "";
        }
        List<String> paths = rest.startsWith("[") ? jsonArray(rest) : words(rest);
        if (paths.isEmpty()) {
            return new CopyArgs(flags, List.of(), "");
        }
        return new CopyArgs(flags, List.copyOf(paths.subList(0, paths.size() - 1)), paths.get(paths.size() - 1));
    }

    /**
     * At least two stages; every {@code COPY --from} names an earlier stage; the first stages build with the
     * Maven wrapper; the final stage runs as a numeric non-root user, exposes the app port, carries the fast-jar
     * layout and the letters (with UNDERSIGNED_CONTENT_DIR pointing at them), and starts quarkus-run.jar with a
     * container-relative heap size.
     */
    static List<String> checkDockerfile(List<Instruction> instructions) {
        List<String> problems = new ArrayList<>();
        for (Instruction in : instructions) {
            if (in.keyword().equals("FROM")) {
                break;
            }
            if (!in.keyword().equals("ARG")) {
                problems.add("line " + in.line() + ": " + in.keyword() + " before the first FROM");
            }
        }
        List<Stage> stages = stages(instructions);
        if (stages.size() < 2) {
            problems.add("not a multi-stage build: " + stages.size() + " FROM");
            if (stages.isEmpty()) {
                return problems;
            }
        }
        for (Stage stage : stages) {
            for (Instruction in : stage.all("COPY")) {
                String from = copyArgs(in.arguments()).flags().get("from");
                if (from != null
                        && stages.subList(0, stage.index()).stream()
                                .noneMatch(s ->
                                        from.equalsIgnoreCase(s.name()) || from.equals(String.valueOf(s.index())))) {
                    problems.add("line " + in.line() + ": COPY --from=" + from + " names no earlier stage");
                }
            }
        }
        boolean builds = stages.subList(0, stages.size() - 1).stream()
                .flatMap(s -> s.all("RUN").stream())
                .anyMatch(in ->
                        in.arguments().contains("./mvnw") && in.arguments().contains("package"));
        if (!builds) {
            problems.add("no build stage runs ./mvnw ... package");
        }

        Stage last = stages.get(stages.size() - 1);
        String finalStage = "final stage (FROM " + last.image() + " at line " + last.line() + ")";
        List<Instruction> users = last.all("USER");
        if (users.isEmpty()) {
            problems.add(finalStage + ": no USER, so the app runs as root");
        } else {
            String user = users.get(users.size() - 1).arguments().split(":")[0].strip();
            if (!user.matches("\\d+")) {
                problems.add(finalStage + ": USER " + user + " is not a numeric UID"
                        + " (Kubernetes runAsNonRoot can only verify a numeric user)");
            } else if (Long.parseLong(user) == 0) {
                problems.add(finalStage + ": USER 0 is root");
            }
        }
        Set<String> exposed = new TreeSet<>();
        last.all("EXPOSE").forEach(in -> words(in.arguments()).forEach(p -> exposed.add(p.replace("/tcp", ""))));
        if (!exposed.contains(String.valueOf(APP_PORT))) {
            problems.add(finalStage + ": does not EXPOSE " + APP_PORT + " " + exposed);
        }

        String workdir = "/";
        boolean contentCopied = false;
        List<String> fromBuild = new ArrayList<>();
        for (Instruction in : last.instructions()) {
            if (in.keyword().equals("WORKDIR")) {
                workdir = containerPath(workdir, in.arguments());
            } else if (in.keyword().equals("COPY") || in.keyword().equals("ADD")) {
                CopyArgs copy = copyArgs(in.arguments());
                if (copy.flags().containsKey("from")) {
                    fromBuild.addAll(copy.sources());
                } else if (copy.sources().stream()
                                .map(DeploymentFilesTest::contextPath)
                                .anyMatch("content"::equals)
                        && containerPath(workdir, copy.destination()).equals(CONTENT_DIR)) {
                    contentCopied = true;
                }
            }
        }
        if (!contentCopied) {
            problems.add(finalStage + ": does not copy content/ to " + CONTENT_DIR);
        }
        for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            if (fromBuild.stream().noneMatch(s -> s.endsWith("quarkus-app/" + part))) {
                problems.add(finalStage + ": does not copy target/quarkus-app/" + part + " (Quarkus fast-jar layout)");
            }
        }
        Map<String, String> env = env(last);
        if (!CONTENT_DIR.equals(env.get("UNDERSIGNED_CONTENT_DIR"))) {
            problems.add(finalStage + ": UNDERSIGNED_CONTENT_DIR is " + env.get("UNDERSIGNED_CONTENT_DIR") + ", not "
                    + CONTENT_DIR);
        }
        List<Instruction> starts = Stream.concat(last.all("ENTRYPOINT").stream(), last.all("CMD").stream())
                .toList();
        String start = starts.stream().map(Instruction::arguments).reduce("", (a, b) -> a + " " + b);
        if (!start.contains("quarkus-run.jar")) {
            problems.add(finalStage + ": ENTRYPOINT/CMD does not run quarkus-run.jar");
        }
        if (!(env.getOrDefault("JAVA_OPTS", "") + start).contains("-XX:MaxRAMPercentage=")) {
            problems.add(finalStage + ": no -XX:MaxRAMPercentage, so the heap ignores the container's memory limit");
        }
        List<Instruction> healthChecks = last.all("HEALTHCHECK");
        String healthCheck = healthChecks.isEmpty()
                ? ""
                : healthChecks.get(healthChecks.size() - 1).arguments();
        if (!healthCheck.contains("/q/health/")) {
            problems.add(finalStage + ": no HEALTHCHECK asking a /q/health/ endpoint");
        } else if (!healthCheck.matches(
                "(?s).*(/dev/tcp/[^/\\s]+/|:)(\\$\\{QUARKUS_MANAGEMENT_PORT:-)?" + MANAGEMENT_PORT + "\\b.*")) {
            problems.add(finalStage + ": the HEALTHCHECK does not ask the management port " + MANAGEMENT_PORT);
        }
        return problems;
    }

    /**
     * Every file the Dockerfile copies from the build context exists there and is not excluded by
     * .dockerignore, which keeps build output and version control out of the context.
     */
    static List<String> checkDockerContext(List<Instruction> instructions, Path context, List<String> dockerignore) {
        List<String> problems = new ArrayList<>();
        List<String> patterns = dockerignore.stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        for (String required : List.of("target", ".git")) {
            if (patterns.stream().noneMatch(p -> ignores(p, required))) {
                problems.add(".dockerignore: does not exclude " + required + "/ from the build context");
            }
        }
        for (Instruction in : instructions) {
            if (!in.keyword().equals("COPY") && !in.keyword().equals("ADD")) {
                continue;
            }
            CopyArgs copy = copyArgs(in.arguments());
            if (copy.flags().containsKey("from")) {
                continue;
            }
            for (String source : copy.sources()) {
                String relative = contextPath(source);
                if (source.contains("://") || relative.isEmpty()) {
                    continue;
                }
                if (!existsInContext(context, relative)) {
                    problems.add("line " + in.line() + ": " + in.keyword() + " " + source
                            + ": no such file in the build context");
                    continue;
                }
                patterns.stream()
                        .filter(p -> ignores(p, relative))
                        .findFirst()
                        .ifPresent(p -> problems.add("line " + in.line() + ": " + in.keyword() + " " + source
                                + " is excluded by .dockerignore (" + p + ")"));
            }
        }
        return problems;
    }

    private static boolean existsInContext(Path context, String relative) {
        if (!relative.matches(".*[*?\\[].*")) {
            return Files.exists(context.resolve(relative));
        }
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + relative);
        try (Stream<Path> files = Files.walk(context, relative.split("/").length)) {
            return files.anyMatch(f -> matcher.matches(context.relativize(f)));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a .dockerignore pattern excludes a path (relative to the context, with / separators). */
    private static boolean ignores(String pattern, String path) {
        if (pattern.startsWith("!")) {
            return false;
        }
        String p = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
        if (path.equals(p) || path.startsWith(p + "/")) {
            return true;
        }
        return FileSystems.getDefault().getPathMatcher("glob:" + p).matches(Path.of(path));
    }

    /** A COPY source as a path relative to the context: no leading ./ or /, no trailing /. */
    private static String contextPath(String source) {
        return source.replaceAll("^(\\./|/)+", "").replaceAll("/+$", "").replaceAll("^\\.$", "");
    }

    /** A destination inside the image, resolved against the working directory, without a trailing /. */
    private static String containerPath(String workdir, String path) {
        String absolute = path.startsWith("/") ? path : workdir.replaceAll("/+$", "") + "/" + path;
        String normal = absolute.replaceAll("/\\./", "/").replaceAll("/+$", "").replaceAll("/\\.$", "");
        return normal.isEmpty() ? "/" : normal;
    }

    /** The environment a stage sets with ENV, both in the {@code K=V K2="v 2"} and in the {@code K value} form. */
    private static Map<String, String> env(Stage stage) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction in : stage.all("ENV")) {
            List<String> words = words(in.arguments());
            if (!words.isEmpty() && !words.get(0).contains("=")) {
                env.put(
                        words.get(0),
                        in.arguments().substring(words.get(0).length()).strip());
                continue;
            }
            for (String word : words) {
                int eq = word.indexOf('=');
                if (eq > 0) {
                    env.put(word.substring(0, eq), word.substring(eq + 1));
                }
            }
        }
        return env;
    }

    /** Splits like a shell: on unquoted whitespace, removing quotes and backslash escapes. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(ch)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (ch == '\\' && quote != '\'' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (ch == quote) {
                quote = 0;
            } else {
                word.append(ch);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static List<String> jsonArray(String text) {
        try {
            return Arrays.asList(LENIENT.readValue(text, String[].class));
        } catch (JsonProcessingException e) {
            return words(text);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** A jdbc:postgresql URL's first host, its port (null if absent) and database. */
    record JdbcUrl(String host, Integer port, String database) {
        static Optional<JdbcUrl> parse(String url) {
            Matcher m = JDBC_POSTGRESQL.matcher(url.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(
                    new JdbcUrl(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)), m.group(3)));
        }
    }

    private static Map<String, String> requiredObjects() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("Deployment", "undersigned");
        required.put("Service", "");
        required.put("ConfigMap", "undersigned-config");
        required.put("Secret", "undersigned-secrets");
        required.put("HorizontalPodAutoscaler", "");
        required.put("PodDisruptionBudget", "");
        required.put("Cluster", "undersigned-db");
        return required;
    }

    private static ObjectMapper strictModelMapper() {
        SimpleModule noCatchAll = new SimpleModule("no-additional-properties");
        noCatchAll.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(
                    DeserializationConfig config, BeanDescription bean, BeanDeserializerBuilder builder) {
                // fabric8 model classes collect unknown fields in additionalProperties (@JsonAnySetter); without
                // that catch-all an unknown field reaches FAIL_ON_UNKNOWN_PROPERTIES.
                if (bean.getBeanClass().getName().startsWith("io.fabric8.")) {
                    builder.setAnySetter(null);
                }
                return builder;
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noCatchAll)
                .build();
        // The API server rejects a number or boolean where it expects a string (e.g. an unquoted ConfigMap value).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return message + " at " + path;
        }
        return message;
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> matchLabels = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        if (!labels.entrySet().containsAll(matchLabels.entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement r : list(selector.getMatchExpressions())) {
            String value = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && list(r.getValues()).contains(value);
                case "NotIn" -> value == null || !list(r.getValues()).contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return !matchLabels.isEmpty() || !list(selector.getMatchExpressions()).isEmpty();
    }

    /** The container port a probe or Service port reaches (by number or by name), if the container declares it. */
    private static Optional<Integer> containerPort(IntOrString port, List<ContainerPort> ports) {
        if (port == null) {
            return Optional.empty();
        }
        return ports.stream()
                .filter(p -> port.getIntVal() != null
                        ? port.getIntVal().equals(p.getContainerPort())
                        : Objects.equals(port.getStrVal(), p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst();
    }

    private static List<ContainerPort> containerPorts(Deployment d) {
        return list(d.getSpec().getTemplate().getSpec().getContainers()).stream()
                .flatMap(c -> list(c.getPorts()).stream())
                .toList();
    }

    private static Quantity request(Container c, String resource) {
        ResourceRequirements r = c.getResources();
        return r == null || r.getRequests() == null ? null : r.getRequests().get(resource);
    }

    private static List<Container> allContainers(PodSpec pod) {
        return Stream.concat(list(pod.getInitContainers()).stream(), list(pod.getContainers()).stream())
                .toList();
    }

    private static Map<String, String> podLabels(Deployment d) {
        ObjectMeta meta = d.getSpec().getTemplate().getMetadata();
        return meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata() == null ? "" : object.getMetadata().getName();
    }

    private static String show(IntOrString port) {
        return port == null
                ? "null"
                : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Set<String> keys(Map<String, ?> map) {
        return map == null ? Set.of() : map.keySet();
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        return fields;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        }
    }

    private static String source(Path file) {
        return file.toString().replace('\\', '/');
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(Files.readString(COMPOSE));
    }

    private static List<Instruction> dockerfile() throws IOException {
        return parseDockerfile(Files.readString(DOCKERFILE));
    }

    /** quarkus.shutdown.timeout of the prod profile, as Quarkus reads it ("20s", "20", "PT20S"); zero if unset. */
    private static Duration shutdownTimeout() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(APPLICATION_PROPERTIES)));
        String value = properties.getProperty(
                "%prod.quarkus.shutdown.timeout", properties.getProperty("quarkus.shutdown.timeout"));
        if (value == null) {
            return Duration.ZERO;
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(value.strip());
        if (!m.matches()) {
            return Duration.parse(value.strip());
        }
        long amount = Long.parseLong(m.group(1));
        return switch (Objects.requireNonNullElse(m.group(2), "s")) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** The real k8s/ documents with the first object of the given kind changed. */
    private static List<Doc> withChanged(String kind, Consumer<ObjectNode> change) throws IOException {
        List<Doc> docs = new ArrayList<>();
        boolean changed = false;
        for (Doc doc : k8sDocuments()) {
            if (!changed && doc.kind().equals(kind)) {
                change.accept((ObjectNode) doc.node());
                changed = true;
            }
            docs.add(doc);
        }
        assertTrue(changed, "no " + kind + " in " + K8S + " to change");
        return docs;
    }

    /** The object at a dotted path ("spec.template.spec.containers.0"). */
    private static ObjectNode object(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            node = step.matches("\\d+") ? node.path(Integer.parseInt(step)) : node.path(step);
        }
        assertTrue(node.isObject(), "no object at " + path);
        return (ObjectNode) node;
    }

    private static String replaced(String text, String old, String replacement) {
        assertTrue(text.contains(old), "the text does not contain " + old);
        return text.replaceFirst(Pattern.quote(old), Matcher.quoteReplacement(replacement));
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }

    private static void assertReports(List<String> problems, String... fragments) {
        assertTrue(
                problems.stream().anyMatch(p -> Arrays.stream(fragments).allMatch(p::contains)),
                () -> "expected a problem mentioning " + Arrays.toString(fragments) + ", got " + problems);
    }
}
