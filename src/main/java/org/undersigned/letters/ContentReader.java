package org.undersigned.letters;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates the content folder. Pure file work: no database, so every rule is testable on a temp folder.
 * Anything wrong throws a {@link ContentException} naming the file, because a half-loaded letter must never go live.
 */
final class ContentReader {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern VERSION_FILE = Pattern.compile("v([0-9]+)\\.md");
    private static final Pattern ORCID = Pattern.compile("[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    /** letter.yaml; fields are optional here so that a missing one gets a message of ours, not Jackson's. */
    record LetterYaml(
            String title,
            String summary,
            String status,
            @JsonProperty("addressed_to") String addressedTo,
            LocalDate opens,
            LocalDate closes,
            List<String> languages,
            List<OrganiserYaml> organisers,
            List<Long> milestones,
            @JsonProperty("addressee_email") String addresseeEmail,
            @JsonProperty("addressee_milestones") Boolean addresseeMilestones) {}

    record OrganiserYaml(String name, String orcid) {}

    /** The front matter of a version file. */
    record VersionYaml(
            Integer version,
            OffsetDateTime published,
            String changes,
            @JsonProperty("carries_signatures") Boolean carriesSignatures) {}

    List<LetterSource> read(Path contentDir) {
        Path letters = contentDir.resolve("letters");
        if (!Files.isDirectory(letters)) {
            throw new ContentException(letters, "content folder not found (set undersigned.content-dir)");
        }
        try (Stream<Path> dirs = Files.list(letters)) {
            List<LetterSource> result = new ArrayList<>();
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                result.add(readLetter(dir));
            }
            return result;
        } catch (IOException e) {
            throw new ContentException(letters, "cannot list letters: " + e.getMessage(), e);
        }
    }

    LetterSource readLetter(Path dir) {
        String slug = dir.getFileName().toString();
        if (!SLUG.matcher(slug).matches()) {
            throw new ContentException(dir, "folder name is not a valid slug (lower-case letters, digits and '-')");
        }
        Path yamlFile = dir.resolve("letter.yaml");
        if (!Files.isRegularFile(yamlFile)) {
            throw new ContentException(yamlFile, "missing: every letter folder needs a letter.yaml");
        }
        LetterYaml yaml = parse(yamlFile, readText(yamlFile), LetterYaml.class);
        if (yaml == null) {
            throw new ContentException(yamlFile, "is empty");
        }
        String title = required(yamlFile, "title", yaml.title());
        String summary = required(yamlFile, "summary", yaml.summary());
        String statusText = required(yamlFile, "status", yaml.status());
        LetterStatus status = LetterStatus.parse(statusText)
                .orElseThrow(() -> new ContentException(
                        yamlFile, "unknown status '" + statusText + "' (expected draft, open or closed)"));
        if (yaml.opens() != null && yaml.closes() != null && yaml.closes().isBefore(yaml.opens())) {
            throw new ContentException(
                    yamlFile, "closes (" + yaml.closes() + ") is before opens (" + yaml.opens() + ")");
        }
        List<LetterSource.Organiser> organisers = new ArrayList<>();
        for (OrganiserYaml o : yaml.organisers() == null ? List.<OrganiserYaml>of() : yaml.organisers()) {
            String name = required(yamlFile, "organisers[].name", o == null ? null : o.name());
            if (o.orcid() != null && !ORCID.matcher(o.orcid()).matches()) {
                throw new ContentException(
                        yamlFile, "organiser " + name + " has an invalid ORCID iD '" + o.orcid() + "'");
            }
            organisers.add(new LetterSource.Organiser(name, o.orcid()));
        }
        List<String> languages =
                yaml.languages() == null || yaml.languages().isEmpty() ? List.of("en") : yaml.languages();
        List<Long> milestones = milestones(yamlFile, yaml.milestones());
        String addressee = blankToNull(yaml.addresseeEmail());
        if (addressee != null && !addressee.strip().matches("[^\\s@<>]+@[^\\s@<>]+\\.[^\\s@<>]+")) {
            throw new ContentException(yamlFile, "addressee_email '" + addressee + "' is not a plain email address");
        }
        if (Boolean.TRUE.equals(yaml.addresseeMilestones()) && addressee == null) {
            throw new ContentException(yamlFile, "addressee_milestones needs an addressee_email");
        }
        List<LetterSource.Version> versions = readVersions(dir);
        if (versions.isEmpty() && status != LetterStatus.DRAFT) {
            throw new ContentException(dir, "a " + status.label() + " letter needs at least one version file (v1.md)");
        }
        return new LetterSource(
                slug,
                dir,
                title.strip(),
                summary.strip(),
                status,
                blankToNull(yaml.addressedTo()),
                yaml.opens(),
                yaml.closes(),
                List.copyOf(languages),
                List.copyOf(organisers),
                versions,
                milestones,
                addressee == null ? null : addressee.strip(),
                Boolean.TRUE.equals(yaml.addresseeMilestones()));
    }

    /** Milestones: positive counts, at most 20, kept in ascending order. */
    private static List<Long> milestones(Path yamlFile, List<Long> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > 20 || given.stream().anyMatch(m -> m == null || m < 1)) {
            throw new ContentException(yamlFile, "milestones must be at most 20 positive counts, e.g. [100, 1000]");
        }
        return given.stream().distinct().sorted().toList();
    }

    private List<LetterSource.Version> readVersions(Path dir) {
        TreeMap<Integer, LetterSource.Version> byNumber = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                LetterSource.Version v = readVersion(file);
                if (v.number() != Integer.parseInt(m.group(1))) {
                    throw new ContentException(
                            file, "declares version " + v.number() + " but the file name says " + m.group(1));
                }
                LetterSource.Version other = byNumber.putIfAbsent(v.number(), v);
                if (other != null) {
                    throw new ContentException(
                            file, "duplicate version " + v.number() + " (also in " + other.file() + ")");
                }
            }
        } catch (IOException e) {
            throw new ContentException(dir, "cannot list versions: " + e.getMessage(), e);
        }
        int expected = 1;
        for (LetterSource.Version v : byNumber.values()) {
            if (v.number() != expected) {
                throw new ContentException(
                        dir,
                        "version " + expected + " is missing (found versions " + byNumber.keySet()
                                + "; versions are numbered 1, 2, 3 ... without gaps)");
            }
            expected++;
        }
        return List.copyOf(byNumber.values());
    }

    LetterSource.Version readVersion(Path file) {
        String text = readText(file).replace("\r\n", "\n");
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!text.startsWith("---\n")) {
            throw new ContentException(
                    file, "must start with front matter: a line '---', YAML fields, then a line '---'");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0 && text.endsWith("\n---")) {
            end = text.length() - 4;
        }
        if (end < 0) {
            throw new ContentException(file, "front matter is not closed by a line '---'");
        }
        VersionYaml yaml = parse(file, text.substring(4, end + 1), VersionYaml.class);
        if (yaml == null) {
            throw new ContentException(file, "front matter is empty");
        }
        int number = required(file, "version", yaml.version());
        if (number < 1) {
            throw new ContentException(file, "version must be 1 or more, not " + number);
        }
        OffsetDateTime published = required(file, "published", yaml.published());
        String changes = required(file, "changes", yaml.changes());
        if (number > 1 && yaml.carriesSignatures() == null) {
            throw new ContentException(
                    file,
                    "missing field 'carries_signatures' (true for a typo-level edit whose "
                            + "signatures still count, false for a material change that signers must re-affirm)");
        }
        boolean carries = yaml.carriesSignatures() == null || yaml.carriesSignatures();
        String markdown = TextHash.normalise(text.substring(Math.min(text.length(), end + 5)));
        if (markdown.isEmpty()) {
            throw new ContentException(file, "the letter text is empty");
        }
        return new LetterSource.Version(
                number, published, changes.strip(), carries, markdown, TextHash.sha256(markdown), file);
    }

    private static <T> T parse(Path file, String yaml, Class<T> type) {
        try {
            return YAML.readValue(yaml, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ContentException(
                    file,
                    "unknown field '" + e.getPropertyName() + "' (known fields: " + e.getKnownPropertyIds() + ")",
                    e);
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ContentException(file, "invalid YAML" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String readText(Path file) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ContentException(file, "is not valid UTF-8", e);
        } catch (IOException e) {
            throw new ContentException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T> T required(Path file, String field, T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new ContentException(file, "missing field '" + field + "'");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
