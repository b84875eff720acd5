package org.undersigned.attestations.dsse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package is pure: only the JDK and Bouncy Castle, so it can be reused and audited on its own. */
class DssePackagePurityTest {

    private static final String PACKAGE = "org.undersigned.attestations.dsse";

    @Test
    void mainClassesDependOnlyOnTheJdkAndBouncyCastle() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PACKAGE);
        classes().that().resideInAPackage(PACKAGE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(PACKAGE, "java..", "org.bouncycastle..")
                .check(classes);
    }
}
