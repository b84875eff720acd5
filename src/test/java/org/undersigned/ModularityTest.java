package org.undersigned;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Outside;

/**
 * The rules of docs/ARCHITECTURE.md marked "(tested)": features use each other's services, never each other's
 * repositories; dependencies run one way; the pure packages stay pure; no connection in a public API; every package
 * says its purpose and every feature is on the map. Every rule fails when it matches no class
 * (archunit.properties), so a renamed package cannot silently switch a rule off. Each new feature adds its layer.
 */
class ModularityTest {

    private static final String BASE = "org.undersigned";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    private static final ArchCondition<JavaClass> BE_USED_ONLY_IN_THEIR_OWN_PACKAGE =
            new ArchCondition<>("be used only by classes of their own package") {
                @Override
                public void check(JavaClass repository, ConditionEvents events) {
                    for (JavaAccess<?> access : repository.getAccessesToSelf()) {
                        JavaClass caller = access.getOriginOwner();
                        if (!caller.getPackageName().equals(repository.getPackageName())) {
                            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                        }
                    }
                    repository.getDirectDependenciesToSelf().stream()
                            .filter(d -> !d.getOriginClass().getPackageName().equals(repository.getPackageName()))
                            .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                }
            };

    @Test
    void repositoriesAreUsedOnlyInsideTheirFeature() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should(BE_USED_ONLY_IN_THEIR_OWN_PACKAGE)
                .andShould()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void webHoldsNoDomainLogicAndDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".web..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        BASE + ".web..",
                        "java..",
                        "jakarta..",
                        "io.quarkus..",
                        "io.vertx..",
                        "io.agroal..",
                        "io.smallrye.config..",
                        "org.jboss..",
                        "com.fasterxml..",
                        "org.eclipse.microprofile..")
                .check(CLASSES);
    }

    @Test
    void mailHoldsNoDomainLogicAndDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".mail..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + ".letters..", BASE + ".signatures..", BASE + ".verification..")
                .check(CLASSES);
    }

    @Test
    void dependenciesRunOneWay() {
        // docs/ARCHITECTURE.md#features-and-their-dependencies: organisers -> threads -> signatures -> passkeys,
        // verification, attestations, transparency, letters -> mail, web (organisers publish thread entries).
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("demo")
                .definedBy(BASE + ".demo..")
                .layer("organisers")
                .definedBy(BASE + ".organisers..")
                .layer("threads")
                .definedBy(BASE + ".threads..")
                .layer("signatures")
                .definedBy(BASE + ".signatures..")
                .layer("passkeys")
                .definedBy(BASE + ".passkeys..")
                .layer("verification")
                .definedBy(BASE + ".verification..")
                .layer("attestations")
                .definedBy(BASE + ".attestations..")
                .layer("transparency")
                .definedBy(BASE + ".transparency..")
                .layer("letters")
                .definedBy(BASE + ".letters..")
                .layer("mail")
                .definedBy(BASE + ".mail..")
                .layer("web")
                .definedBy(BASE + ".web..")
                .whereLayer("demo")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("organisers")
                .mayOnlyBeAccessedByLayers("demo")
                .whereLayer("threads")
                .mayOnlyBeAccessedByLayers("organisers")
                .whereLayer("signatures")
                .mayOnlyBeAccessedByLayers("demo", "organisers", "threads")
                .whereLayer("passkeys")
                .mayOnlyBeAccessedByLayers("signatures", "organisers")
                .whereLayer("verification")
                .mayOnlyBeAccessedByLayers("demo", "signatures", "organisers")
                .whereLayer("attestations")
                .mayOnlyBeAccessedByLayers("signatures")
                .whereLayer("transparency")
                .mayOnlyBeAccessedByLayers("signatures", "threads")
                .whereLayer("letters")
                .mayOnlyBeAccessedByLayers("demo", "signatures", "transparency", "organisers", "threads")
                .whereLayer("mail")
                .mayOnlyBeAccessedByLayers(
                        "signatures", "letters", "verification", "transparency", "organisers", "threads")
                .whereLayer("web")
                .mayOnlyBeAccessedByLayers(
                        "demo",
                        "signatures",
                        "letters",
                        "verification",
                        "mail",
                        "transparency",
                        "attestations",
                        "organisers",
                        "threads",
                        "passkeys")
                .check(CLASSES);
    }

    @Test
    void webauthn4jAndItsJackson3StayInsidePasskeys() {
        // Jackson 3 (tools.jackson) beside the REST layer's Jackson 2: one mapper each, never shared
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".passkeys..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.webauthn4j..", "tools.jackson..")
                .check(CLASSES);
        classes()
                .that()
                .resideInAPackage(BASE + ".passkeys..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".passkeys..",
                        BASE + ".web..",
                        "com.webauthn4j..",
                        "java..",
                        "jakarta..",
                        "io.quarkus..",
                        "org.jboss.logging..")
                .check(CLASSES);
    }

    @Test
    void theLogsMathsIsPureJava() {
        classes()
                .that()
                .resideInAPackage(BASE + ".transparency.merkle..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(BASE + ".transparency.merkle..", "java..")
                .check(CLASSES);
    }

    @Test
    void signedNotesArePureJavaAndBouncyCastle() {
        classes()
                .that()
                .resideInAPackage(BASE + ".transparency.note..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(BASE + ".transparency.note..", "java..", "org.bouncycastle..")
                .check(CLASSES);
    }

    @Test
    void attestationEnvelopesArePureJavaAndBouncyCastle() {
        classes()
                .that()
                .resideInAPackage(BASE + ".attestations.dsse..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(BASE + ".attestations.dsse..", "java..", "org.bouncycastle..")
                .check(CLASSES);
    }

    @Test
    void verifiableCredentialsArePureJavaBouncyCastleAndTheEnvelopesJcs() {
        classes()
                .that()
                .resideInAPackage(BASE + ".attestations.vc..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".attestations.vc..", BASE + ".attestations.dsse..", "java..", "org.bouncycastle..")
                .check(CLASSES);
    }

    @Test
    void everyPackageSaysItsPurposeInPackageInfo() {
        Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        Set<String> documented = CLASSES.stream()
                .filter(c -> c.getSimpleName().equals("package-info"))
                .map(JavaClass::getPackageName)
                .collect(Collectors.toSet());
        assertThat(packages).isNotEmpty();
        assertThat(documented).containsAll(packages);
    }

    @Test
    void noConnectionInAFeaturesPublicApi() {
        // docs/ARCHITECTURE.md#persistence: plain JDBC stays inside repositories
        noMethods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .should()
                .haveRawParameterTypes(DescribedPredicate.describe(
                        "a java.sql.Connection among them",
                        (List<JavaClass> types) -> types.stream().anyMatch(t -> t.isEquivalentTo(Connection.class))))
                .orShould()
                .haveRawReturnType(Connection.class)
                .check(CLASSES);
    }

    @Test
    void everyFeatureIsOnTheMap() throws IOException {
        String map = Files.readString(Path.of("docs/ARCHITECTURE.md"));
        Set<String> features = CLASSES.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(BASE + "."))
                .map(p -> p.substring(BASE.length() + 1).split("\\.")[0])
                .collect(Collectors.toSet());
        assertThat(features).contains("signatures", "transparency", "web");
        assertThat(features)
                .allSatisfy(f ->
                        assertThat(map).as("docs/ARCHITECTURE.md lists " + f).contains("| `" + f + "` |"));
    }

    @Test
    void aRuleThatMatchesNoClassFailsInsteadOfPassing() {
        ArchRule onNothing = classes()
                .that()
                .resideInAPackage(BASE + ".nosuchfeature..")
                .should()
                .notHaveModifier(JavaModifier.PUBLIC);
        assertThrows(AssertionError.class, () -> onNothing.check(CLASSES));
    }

    @Test
    void theRepositoryRuleCatchesACrossFeatureAccess() {
        // The same condition, applied to a class that is used outside its package, reports it.
        assertThat(Outside.UsedFromElsewhere.value()).isEqualTo(1);
        JavaClasses withOutsider = new ClassFileImporter()
                .importClasses(Outside.class, Outside.UsedFromElsewhere.class, ModularityTest.class);
        ArchRule rule = classes()
                .that(DescribedPredicate.describe(
                        "are the used class", (JavaClass c) -> c.isEquivalentTo(Outside.UsedFromElsewhere.class)))
                .should(BE_USED_ONLY_IN_THEIR_OWN_PACKAGE);
        assertThrows(AssertionError.class, () -> rule.check(withOutsider));
    }
}
