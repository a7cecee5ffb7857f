package exchange.workforce.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The architecture's rules, checked on every build: feature packages form no cycle (so each can be understood
 * and changed from its dependencies up), and only the web layer knows controllers.
 */
class ArchitectureTest {

    static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("exchange.workforce");

    static ArchRule noCyclesBetweenPackagesOf(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** The web layer: API controllers and page controllers alike, each annotated @Controller. */
    static final ArchRule ONLY_THE_WEB_LAYER_KNOWS_CONTROLLERS = noClasses()
            .that().areNotAnnotatedWith(io.micronaut.http.annotation.Controller.class)
            .and().haveNameNotMatching(".*\\.\\$.*") // Micronaut's generated bean definitions
            .and().haveNameNotMatching(".*Controller\\$.*") // a controller's own nested records
            .should().dependOnClassesThat().areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
            .because("controllers (API and pages) call application services, never the reverse");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        noCyclesBetweenPackagesOf("exchange.workforce").check(PLATFORM);
    }

    @Test
    void theCycleRuleCatchesADeliberateCycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages("exchange.workforce.architecture.cyclefixture");
        assertTrue(noCyclesBetweenPackagesOf("exchange.workforce.architecture.cyclefixture").evaluate(fixture).hasViolation(),
                "first -> second -> first is a cycle the rule must report");
    }

    @Test
    void onlyTheWebLayerKnowsControllers() {
        ONLY_THE_WEB_LAYER_KNOWS_CONTROLLERS.check(PLATFORM);
    }
}
