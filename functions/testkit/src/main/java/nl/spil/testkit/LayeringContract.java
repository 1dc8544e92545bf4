package nl.spil.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The layers every function keeps, as one test class a function's test extends (as
 * {@link RouteRulesContract} is for routes): {@code domain} is plain Java (no AWS, Micronaut,
 * Jakarta, Jackson, HTTP, DynamoDB or problem+json); {@code app} speaks domain types (no AWS,
 * no Micronaut beyond {@code jakarta.inject}, no store or api); {@code store} does not know the
 * api; the function's packages have no cycles. Checked on the compiled main classes with ArchUnit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LayeringContract {

    /** What no domain class may touch. */
    static final String[] NOT_IN_DOMAIN = {
            "software.amazon..", "com.amazonaws..", "io.micronaut..", "jakarta..", "com.fasterxml..",
            "nl.spil.platform.http..", "nl.spil.platform.dynamo..", "nl.spil.platform.problem..",
            "nl.spil.platform.wiring..", "nl.spil.platform.outbox..", "nl.spil.platform.idempotency..",
            "nl.spil.platform.paging..", "nl.spil.platform.json..", "org.slf4j.."};

    /** What no use case or port may touch. */
    static final String[] NOT_IN_APP = {
            "software.amazon..", "com.amazonaws..", "io.micronaut..", "com.fasterxml..",
            "nl.spil.platform.http..", "nl.spil.platform.dynamo..", "nl.spil.platform.wiring.."};

    private JavaClasses classes;

    /** The function's root package, e.g. {@code nl.spil.stock}. */
    protected abstract String rootPackage();

    @BeforeAll
    void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                // Micronaut's generated bean definitions and introspections ($Foo$Definition) are its own
                .withImportOption(location -> !location.contains("/$"))
                .importPackages(rootPackage());
    }

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage(rootPackage() + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(NOT_IN_DOMAIN)
                .orShould().dependOnClassesThat().resideInAnyPackage(outer("app", "store", "api", "schedule"))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void useCasesSpeakDomainTypes() {
        noClasses().that().resideInAPackage(rootPackage() + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage(NOT_IN_APP)
                .orShould().dependOnClassesThat().resideInAnyPackage(outer("store", "api", "schedule"))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theStoreDoesNotKnowTheApi() {
        noClasses().that().resideInAPackage(rootPackage() + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(outer("api", "schedule"))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(rootPackage() + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    private String[] outer(String... layers) {
        String[] packages = new String[layers.length];
        for (int i = 0; i < layers.length; i++) {
            packages[i] = rootPackage() + "." + layers[i] + "..";
        }
        return packages;
    }
}
