package dev.atomizer.maven;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The Maven plugin only adapts (docs/architecture.md, "The boundary"): its mojos touch nothing of
 * core but the façade ({@code dev.atomizer}), its vocabulary ({@code dev.atomizer.api}) and the
 * output formats ({@code dev.atomizer.render}).
 */
class FacadeBoundaryTest {

    /** Core's internal packages: every {@code dev.atomizer} package but the API ones and the plugin's. */
    static final DescribedPredicate<JavaClass> CORE_INTERNALS = resideInAPackage("dev.atomizer..")
            .and(not(resideInAnyPackage(
                    "dev.atomizer", "dev.atomizer.api..", "dev.atomizer.render..", "dev.atomizer.maven..")))
            .as("core's internal packages (beyond dev.atomizer, .api, .render)");

    static final ArchRule ONLY_THE_FACADE = noClasses()
            .that()
            .resideInAPackage("dev.atomizer.maven..")
            .should()
            .dependOnClassesThat(CORE_INTERNALS)
            .because("a mojo turns its parameters into a call of the façade and logs what comes back");

    @Test
    void theMojosTouchOnlyTheFacadeApiAndRender() {
        JavaClasses plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.atomizer.maven");
        assertTrue(plugin.size() > 10, "the mojos were imported: " + plugin.size());
        ONLY_THE_FACADE.check(plugin);
    }

    @Test
    void aClassReachingIntoCoreBreaksTheRule() {
        JavaClasses reaching = new ClassFileImporter().importClasses(ReachesIntoCore.class);
        AssertionError e = assertThrows(AssertionError.class, () -> ONLY_THE_FACADE.check(reaching));
        assertTrue(e.getMessage().contains("dev.atomizer.report.Reports"), e.getMessage());
    }

    /** Calls core's internal {@code report.Reports}, as the report mojo did before the façade offered it. */
    static final class ReachesIntoCore {
        static String status(java.nio.file.Path root) throws dev.atomizer.api.AtomizerException {
            return dev.atomizer.report.Reports.status(root, "p", null);
        }
    }
}
