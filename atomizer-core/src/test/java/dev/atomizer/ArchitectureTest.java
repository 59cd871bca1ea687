package dev.atomizer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/architecture.md draws, enforced on the compiled classes: no package cycle, each
 * layer using only the layers below it, JGit in two packages, commonmark where markdown is read.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.atomizer");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.atomizer.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("facade")
                .definedBy("dev.atomizer")
                .layer("alert")
                .definedBy("dev.atomizer.alert..")
                .layer("install")
                .definedBy("dev.atomizer.install..")
                .layer("publish")
                .definedBy("dev.atomizer.publish..")
                .layer("audit")
                .definedBy("dev.atomizer.audit..")
                .layer("report")
                .definedBy("dev.atomizer.report..")
                .layer("derive")
                .definedBy("dev.atomizer.derive..")
                .layer("governance")
                .definedBy("dev.atomizer.governance..")
                .layer("state")
                .definedBy("dev.atomizer.state..")
                .layer("merge")
                .definedBy("dev.atomizer.merge..")
                .layer("lint")
                .definedBy("dev.atomizer.lint..")
                .layer("render")
                .definedBy("dev.atomizer.render..")
                .layer("status")
                .definedBy("dev.atomizer.status..")
                .layer("contract")
                .definedBy("dev.atomizer.contract..")
                .layer("md")
                .definedBy("dev.atomizer.md..")
                .layer("startup")
                .definedBy("dev.atomizer.startup..")
                .layer("git")
                .definedBy("dev.atomizer.git..")
                .layer("log")
                .definedBy("dev.atomizer.log..")
                .layer("io")
                .definedBy("dev.atomizer.io..")
                .layer("api")
                .definedBy("dev.atomizer.api..")
                .whereLayer("facade")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("alert")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("install")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("publish")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("audit")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("facade", "alert")
                .whereLayer("derive")
                .mayOnlyBeAccessedByLayers("facade", "alert", "audit", "report")
                .whereLayer("governance")
                .mayOnlyBeAccessedByLayers("facade", "install", "audit", "derive")
                .whereLayer("state")
                .mayOnlyBeAccessedByLayers("facade", "alert", "audit", "report", "derive")
                .whereLayer("merge")
                .mayOnlyBeAccessedByLayers("facade", "governance")
                .whereLayer("lint")
                .mayOnlyBeAccessedByLayers("facade", "governance", "derive", "audit", "report", "state")
                .whereLayer("startup")
                .mayOnlyBeAccessedByLayers("facade", "install", "governance")
                .check(classes);
    }

    @Test
    void onlyTheGitAndStartupPackagesTouchJGit() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.atomizer.git..", "dev.atomizer.startup..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.jgit..")
                .check(classes);
    }

    @Test
    void theCoreKnowsNothingOfItsFrontEnds() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "picocli..")
                .check(classes);
    }
}
