package org.undersigned.transparency.note;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package is pure: only the JDK and Bouncy Castle, so it can be reused and audited on its own. */
class NotePackagePurityTest {

    private static final String PACKAGE = "org.undersigned.transparency.note";

    @Test
    void mainClassesDependOnlyOnTheJdkAndBouncyCastle() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PACKAGE);
        classes()
                .that()
                .resideInAPackage(PACKAGE)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(PACKAGE, "java..", "org.bouncycastle..")
                .check(classes);
    }

    @Test
    void bouncyCastleStaysInsideEd25519AndSignerKey() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PACKAGE);
        classes()
                .that()
                .resideInAPackage(PACKAGE)
                .and()
                .doNotHaveSimpleName("Ed25519")
                .and()
                .doNotHaveSimpleName("SignerKey")
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackage("org.bouncycastle..")
                .check(classes);
    }
}
