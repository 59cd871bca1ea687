package dev.atomizer.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The command line only adapts (docs/architecture.md, "The boundary"): its main classes touch
 * nothing of core but the façade ({@code dev.atomizer}), its vocabulary ({@code dev.atomizer.api})
 * and the output formats ({@code dev.atomizer.render}).
 */
class FacadeBoundaryTest {

    /** Core's internal packages: every {@code dev.atomizer} package but the API ones and the front ends'. */
    static final DescribedPredicate<JavaClass> CORE_INTERNALS = resideInAPackage("dev.atomizer..")
            .and(not(resideInAnyPackage(
                    "dev.atomizer", "dev.atomizer.api..", "dev.atomizer.render..", "dev.atomizer.cli..")))
            .as("core's internal packages (beyond dev.atomizer, .api, .render)");

    /**
     * The MCP server, not under the rule yet: it was written beside this rule and reaches core's
     * internals. Remove this exclusion once it goes through the façade.
     */
    static final DescribedPredicate<JavaClass> MCP_SERVER_NOT_YET_UNDER_THE_RULE =
            resideInAPackage("dev.atomizer.cli.mcp..").as("the MCP server (dev.atomizer.cli.mcp)");

    static final ArchRule ONLY_THE_FACADE = noClasses()
            .that()
            .resideInAPackage("dev.atomizer.cli..")
            .and(not(MCP_SERVER_NOT_YET_UNDER_THE_RULE))
            .should()
            .dependOnClassesThat(CORE_INTERNALS)
            .because("a front end turns its arguments into a call of the façade and renders what comes back");

    @Test
    void theCommandLineTouchesOnlyTheFacadeApiAndRender() {
        JavaClasses cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.atomizer.cli");
        org.assertj.core.api.Assertions.assertThat(cli.size())
                .as("the commands were imported")
                .isGreaterThan(20);
        ONLY_THE_FACADE.check(cli);
    }

    @Test
    void aClassReachingIntoCoreBreaksTheRule() {
        JavaClasses reaching = new ClassFileImporter().importClasses(ReachesIntoCore.class);
        assertThatThrownBy(() -> ONLY_THE_FACADE.check(reaching))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.atomizer.state.Format");
    }

    /** Calls core's internal {@code state.Format}, as the command line did before the façade offered {@code asOf}. */
    static final class ReachesIntoCore {
        static java.time.LocalDateTime asOf(String text) throws dev.atomizer.api.AtomizerException {
            return dev.atomizer.state.Format.asOf(text, "--as-of");
        }
    }
}
