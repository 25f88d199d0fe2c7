package nl.eindtoets.gateway.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: packages follow the request's path without cycles, the stages know nothing of the SOAP
 * stack, and the bottom package depends on no other package of the gateway.
 */
class PackageStructureTest {

    private static final String ROOT = "nl.eindtoets.gateway";
    private static final String[] STAGE_PACKAGES = {
            ROOT + ".request..", ROOT + ".edge..", ROOT + ".envelope..", ROOT + ".security..",
            ROOT + ".addressing..", ROOT + ".identity..", ROOT + ".mandate..", ROOT + ".validation..",
            ROOT + ".deelnemers..", ROOT + ".leerresultaten..", ROOT + ".store.."};

    private static JavaClasses gateway;

    @BeforeAll
    static void importMainClasses() {
        gateway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(gateway);
    }

    @Test
    void stagesUseNoSoapStackTypes() {
        noClasses().that().resideInAnyPackage(STAGE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.cxf..", "jakarta.xml.ws..", "jakarta.jws..")
                .check(gateway);
    }

    /** The REST front door reuses the stages, not the SOAP front door: no CXF, no {@code chain}. */
    @Test
    void theRestFrontDoorUsesNeitherTheSoapStackNorTheSoapChain() {
        noClasses().that().resideInAPackage(ROOT + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.cxf..", "jakarta.xml.ws..",
                        "jakarta.jws..", ROOT + ".chain..")
                .check(gateway);
    }

    /** Stages know neither front door's HTTP server. */
    @Test
    void stagesUseNoHttpServerTypes() {
        noClasses().that().resideInAnyPackage(STAGE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", ROOT + ".rest..")
                .check(gateway);
    }

    @Test
    void theRequestPackageDependsOnNoOtherGatewayPackageButTheXmlLeaf() {
        noClasses().that().resideInAPackage(ROOT + ".request..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAPackage(ROOT + ".request..")))
                        .and(not(resideInAPackage(ROOT + ".xml.."))))
                .check(gateway);
    }

    @Test
    void theXmlPackageIsALeafThatDependsOnNoOtherGatewayPackage() {
        noClasses().that().resideInAPackage(ROOT + ".xml..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAPackage(ROOT + ".xml.."))))
                .check(gateway);
    }
}
