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
 * and changed from its dependencies up); only the web layer knows controllers, and only controllers know HTTP; each DAO
 * is its own feature's; the adapters know nothing of the service. Fixtures show the rules bite.
 */
class ArchitectureTest {

    static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("exchange.workforce");

    /**
     * A page's posted form is a record (web.Form) read by the one form reader and checked by the framework's validator,
     * never a map of text parsed by hand: every handler that consumes a url-encoded form takes its body as a Form.
     */
    static final ArchRule A_POSTED_FORM_IS_A_FORM_RECORD = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>("take each posted form as a Form record") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaClass one, com.tngtech.archunit.lang.ConditionEvents events) {
                    for (var method : one.getMethods()) {
                        if (!takesAForm(method)) {
                            continue;
                        }
                        for (var parameter : method.getParameters()) {
                            boolean body = parameter.isAnnotatedWith(io.micronaut.http.annotation.Body.class);
                            boolean map = parameter.getRawType().isAssignableTo(java.util.Map.class);
                            if (map || body && !parameter.getRawType().isAssignableTo(exchange.workforce.web.Form.class)) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method, method.getFullName()
                                        + " takes a posted form as " + parameter.getRawType().getSimpleName() + ", not a Form record"));
                            }
                        }
                    }
                }
            })
            .because("a form record names its fields once, with their rules and words, and one reader and one validator serve every page");

    private static boolean takesAForm(com.tngtech.archunit.core.domain.JavaMethod method) {
        java.util.List<String[]> consumes = new java.util.ArrayList<>();
        method.tryGetAnnotationOfType(io.micronaut.http.annotation.Post.class).ifPresent(a -> consumes.add(a.consumes()));
        method.tryGetAnnotationOfType(io.micronaut.http.annotation.Put.class).ifPresent(a -> consumes.add(a.consumes()));
        method.tryGetAnnotationOfType(io.micronaut.http.annotation.Patch.class).ifPresent(a -> consumes.add(a.consumes()));
        method.tryGetAnnotationOfType(io.micronaut.http.annotation.Delete.class).ifPresent(a -> consumes.add(a.consumes()));
        return consumes.stream().flatMap(java.util.Arrays::stream).anyMatch(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED::equals);
    }

    static ArchRule noCyclesBetweenPackagesOf(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /**
     * Settings are read through one typed record per feature (@ConfigurationProperties, bound and validated at start-up,
     * found by its prefix), never a property name repeated in an @Value string beside its default.
     */
    static final ArchRule SETTINGS_COME_THROUGH_CONFIGURATION_PROPERTIES = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>("read no setting through @Value") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaClass one, com.tngtech.archunit.lang.ConditionEvents events) {
                    Class<io.micronaut.context.annotation.Value> value = io.micronaut.context.annotation.Value.class;
                    one.getFields().stream().filter(f -> f.isAnnotatedWith(value)).forEach(f -> events.add(
                            com.tngtech.archunit.lang.SimpleConditionEvent.violated(f, f.getFullName() + " is read by @Value")));
                    for (var unit : one.getCodeUnits()) {
                        boolean byValue = unit.isAnnotatedWith(value) || unit.getParameters().stream().anyMatch(p -> p.isAnnotatedWith(value));
                        if (byValue) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(unit, unit.getFullName() + " reads a setting by @Value"));
                        }
                    }
                }
            })
            .because("a @ConfigurationProperties record names each setting once, with its default and its meaning");

    /**
     * SQL lives in DAOs: only a class named *Dao makes a JDBC statement, so every query a feature runs is found in one
     * place per feature. Besides: the database package, which opens, migrates and checks the database itself; the
     * migrations; and TenantTransactions, whose one statement binds the caller's authority to the transaction every DAO
     * then runs in (the tenancy's single binding point, which row-level security reads).
     */
    static final ArchRule SQL_ONLY_IN_DAOS = noClasses()
            .that().haveSimpleNameNotEndingWith("Dao")
            .and().haveNameNotMatching(".*Dao\\$.*")
            .and().resideOutsideOfPackages("exchange.workforce.database..", "db.migration..")
            .and().doNotHaveFullyQualifiedName("exchange.workforce.tenancy.TenantTransactions")
            .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a JDBC statement is made",
                    (com.tngtech.archunit.core.domain.JavaMethodCall call) -> {
                        String owner = call.getTargetOwner().getName();
                        String name = call.getName();
                        boolean jdbc = owner.equals("java.sql.Connection") && (name.equals("prepareStatement") || name.equals("createStatement")
                                || name.equals("prepareCall"));
                        boolean micronaut = owner.equals("io.micronaut.data.jdbc.runtime.JdbcOperations") && name.equals("prepareStatement");
                        return jdbc || micronaut;
                    }))
            .because("a feature's queries are read, reviewed and tested in its DAO (docs/architecture.md)");

    /** The web layer: API controllers and page controllers alike, each annotated @Controller. */
    static final ArchRule ONLY_THE_WEB_LAYER_KNOWS_CONTROLLERS = noClasses()
            .that().areNotAnnotatedWith(io.micronaut.http.annotation.Controller.class)
            .and().haveNameNotMatching(".*\\.\\$.*") // Micronaut's generated bean definitions
            .and().haveNameNotMatching(".*Controller\\$.*") // a controller's own nested records
            .should().dependOnClassesThat().areAnnotatedWith(io.micronaut.http.annotation.Controller.class)
            .because("controllers (API and pages) call application services, never the reverse");

    /** A controller or page is a thin adapter onto use cases: it never calls another controller or page. */
    static ArchRule aControllerNeverCallsAnother(Class<? extends java.lang.annotation.Annotation> controller) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().areAnnotatedWith(controller)
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>("depend on no other controller") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass one, com.tngtech.archunit.lang.ConditionEvents events) {
                        one.getDirectDependenciesFromSelf().stream()
                                .filter(d -> d.getTargetClass().isAnnotatedWith(controller) && !d.getTargetClass().equals(one))
                                .forEach(d -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(d, d.getDescription())));
                    }
                })
                .because("what two endpoints share is a use case or a rule, which both call (docs/architecture.md)");
    }

    /** A controller or page reaches the database only through a use case or service, never a DAO. */
    static ArchRule aControllerNeverHoldsADao(Class<? extends java.lang.annotation.Annotation> controller) {
        return noClasses().that().areAnnotatedWith(controller)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Dao")
                .because("transactions, tenancy and audit belong to the use case, not to the HTTP adapter");
    }

    /** The feature packages: the domain, in its own words. Their classes other than controllers know nothing of HTTP. */
    static final String[] DOMAIN = {"..agency..", "..audit..", "..benchmark..", "..contacts..", "..forecast..", "..measures..",
            "..memorandum..", "..published..", "..reference..", "..returns..", "..tenancy..", "..worker.."};

    static final ArchRule DOMAIN_CODE_KNOWS_NO_HTTP = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .and().areNotAnnotatedWith(io.micronaut.http.annotation.Controller.class)
            .and().haveNameNotMatching(".*\\$.*") // generated bean definitions, and controllers' own nested records
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..")
            .because("rules, services and DAOs are called by pages, the API and commands alike; only controllers speak HTTP");

    /** A DAO is its feature's own: another feature asks that feature's service, so each table has one owner. */
    static final ArchRule DAOS_STAY_IN_THEIR_FEATURE = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().haveSimpleNameEndingWith("Dao")
            .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>("be used only within their own package") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaClass dao, com.tngtech.archunit.lang.ConditionEvents events) {
                    dao.getDirectDependenciesToSelf().stream()
                            .filter(d -> !d.getOriginClass().getPackageName().equals(dao.getPackageName()))
                            .forEach(d -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(d, d.getDescription())));
                }
            });

    /** The adapters read and write the formats councils and DfE use; they know nothing of the service. */
    static final ArchRule ADAPTERS_KNOW_NOTHING_OF_THE_PLATFORM = noClasses()
            .that().resideInAPackage("exchange.workforce.adapters..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("are the platform's",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("exchange.workforce.")
                            && !c.getPackageName().startsWith("exchange.workforce.adapters")));

    /**
     * What day or time it is comes from the injected Clock, so tests can set the day and a boundary (a due date, a
     * retention period, cooling-off) is tested on it. The one exception: a locally issued token's times must be real,
     * as the validator that reads them uses the real time.
     */
    static final ArchRule THE_DAY_COMES_FROM_THE_CLOCK = noClasses()
            .that().doNotHaveFullyQualifiedName("exchange.workforce.identity.LocalIssuer")
            .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("ask the system what time it is",
                    (com.tngtech.archunit.core.domain.JavaMethodCall call) -> readsTheSystemClock(call.getTarget())))
            .because("an injected Clock lets tests set the day (config.Clocks)");

    private static boolean readsTheSystemClock(com.tngtech.archunit.core.domain.AccessTarget.MethodCallTarget target) {
        String owner = target.getOwner().getName();
        if (owner.equals("java.lang.System")) {
            return target.getName().equals("currentTimeMillis");
        }
        return owner.startsWith("java.time.") && target.getName().equals("now")
                && target.getRawParameterTypes().stream().noneMatch(type -> type.getName().equals("java.time.Clock"));
    }

    /**
     * Councils' own returns are read only through the visibility policy (benchmark.SeenReturns, by
     * visibility.Visibility): every benchmark, export, page and forecast asks it, so no reader decides for itself who
     * sees a council's unreleased figures.
     */
    static ArchRule returnsAreReadOnlyThrough(String... policy) {
        java.util.Set<String> allowed = java.util.Set.of(policy);
        return noClasses().that(com.tngtech.archunit.base.DescribedPredicate.describe("are not the visibility policy",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> !allowed.contains(c.getName()) && !c.getName().equals(BENCHMARK_DATA)))
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("read councils' returns from the benchmark data",
                        (com.tngtech.archunit.core.domain.JavaMethodCall call) -> call.getTarget().getOwner().getName().equals(BENCHMARK_DATA)
                                && java.util.Set.of("returnOf", "releasedOf", "returns", "released").contains(call.getTarget().getName())))
                .because("who sees a council's return is one policy's decision (docs/security.md)");
    }

    static final String BENCHMARK_DATA = "exchange.workforce.benchmark.BenchmarkData";

    @Test
    void councilsReturnsAreReadOnlyThroughTheVisibilityPolicy() {
        returnsAreReadOnlyThrough("exchange.workforce.benchmark.SeenReturns").check(PLATFORM);
    }

    @Test
    void theVisibilityRuleCatchesAReaderOfReturnsOutsideThePolicy() {
        assertTrue(returnsAreReadOnlyThrough().evaluate(PLATFORM).hasViolation(), "SeenReturns reads them: without its exemption the rule must report it");
    }

    @Test
    void whatDayItIsComesFromTheInjectedClock() {
        THE_DAY_COMES_FROM_THE_CLOCK.check(PLATFORM);
    }

    @Test
    void theClockRuleCatchesCodeAskingTheSystemForTheDay() {
        JavaClasses fixture = new ClassFileImporter().importPackages("exchange.workforce.architecture.cyclefixture");
        assertTrue(THE_DAY_COMES_FROM_THE_CLOCK.evaluate(fixture).hasViolation(), "first.Today asks LocalDate.now(zone): the rule must report it");
    }

    @Test
    void domainCodeKnowsNoHttp() {
        DOMAIN_CODE_KNOWS_NO_HTTP.check(PLATFORM);
    }

    @Test
    void adaptersKnowNothingOfThePlatform() {
        ADAPTERS_KNOW_NOTHING_OF_THE_PLATFORM.check(PLATFORM);
    }

    @Test
    void daosAreUsedOnlyWithinTheirFeature() {
        DAOS_STAY_IN_THEIR_FEATURE.check(PLATFORM);
    }

    @Test
    void theDaoRuleCatchesAFeatureReadingAnothersDao() {
        JavaClasses fixture = new ClassFileImporter().importPackages("exchange.workforce.architecture.cyclefixture");
        assertTrue(DAOS_STAY_IN_THEIR_FEATURE.evaluate(fixture).hasViolation(), "second reads first's FirstDao: the rule must report it");
    }

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
    void settingsAreReadThroughTypedConfigurationRecords() {
        SETTINGS_COME_THROUGH_CONFIGURATION_PROPERTIES.check(PLATFORM);
    }

    @Test
    void theSettingsRuleCatchesAConstructorReadingASettingByValue() {
        JavaClasses fixture = new ClassFileImporter().importPackages("exchange.workforce.architecture.cyclefixture");
        assertTrue(SETTINGS_COME_THROUGH_CONFIGURATION_PROPERTIES.evaluate(fixture).hasViolation(),
                "SettingByValue reads wfx.public-url by @Value: the rule must report it");
    }

    @Test
    void sqlIsWrittenOnlyInDaos() {
        SQL_ONLY_IN_DAOS.check(PLATFORM);
    }

    @Test
    void theSqlRuleCatchesAServiceWritingItsOwnQuery() {
        JavaClasses fixture = new ClassFileImporter().importPackages("exchange.workforce.architecture.cyclefixture");
        assertTrue(SQL_ONLY_IN_DAOS.evaluate(fixture).hasViolation(), "QueryingService prepares a statement: the rule must report it");
    }

    @Test
    void onlyTheWebLayerKnowsControllers() {
        ONLY_THE_WEB_LAYER_KNOWS_CONTROLLERS.check(PLATFORM);
    }

    @Test
    void aControllerNeverCallsAnotherController() {
        aControllerNeverCallsAnother(io.micronaut.http.annotation.Controller.class).check(PLATFORM);
    }

    @Test
    void theControllerRuleCatchesAPageCallingAnApiController() {
        JavaClasses fixture = new ClassFileImporter().importPackages("exchange.workforce.architecture.cyclefixture");
        assertTrue(aControllerNeverCallsAnother(exchange.workforce.architecture.cyclefixture.web.FixtureController.class)
                .evaluate(fixture).hasViolation(), "BorrowingPage calls ApiController: the rule must report it");
    }

    @Test
    void aControllerNeverHoldsADao() {
        aControllerNeverHoldsADao(io.micronaut.http.annotation.Controller.class).check(PLATFORM);
    }

    @Test
    void theDaoInAControllerRuleCatchesAControllerHoldingADao() {
        JavaClasses fixture = new ClassFileImporter().importPackages("exchange.workforce.architecture.cyclefixture");
        assertTrue(aControllerNeverHoldsADao(exchange.workforce.architecture.cyclefixture.web.FixtureController.class)
                .evaluate(fixture).hasViolation(), "ApiController holds FirstDao: the rule must report it");
    }

    @Test
    void aPostedFormIsAFormRecord() {
        A_POSTED_FORM_IS_A_FORM_RECORD.check(PLATFORM);
    }

    @Test
    void theFormRuleCatchesAPageTakingItsFormAsAMap() {
        JavaClasses fixture = new ClassFileImporter().importPackages("exchange.workforce.architecture.cyclefixture");
        assertTrue(A_POSTED_FORM_IS_A_FORM_RECORD.evaluate(fixture).hasViolation(), "MapFormPage takes a Map: the rule must report it");
    }
}
