package dev.bulwark.scanner.sbom;

import dev.bulwark.scanner.model.Evidence;
import dev.bulwark.scanner.model.EvidenceSource;
import dev.bulwark.scanner.model.Identification;
import dev.bulwark.scanner.model.Package;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.evidence.Identity;
import org.cyclonedx.model.component.evidence.Method;

/**
 * How a package named from evidence (a Java archive without pom.properties) shows that in CycloneDX: as
 * {@code evidence.identity}, one entry per part with the techniques that decided it, and as properties that any
 * reader of the BOM can show ({@code bulwark:identity:confidence}, {@code bulwark:identity:evidence}).
 */
final class CycloneDxIdentity {

    private CycloneDxIdentity() {
    }

    /** Whether the package was named from evidence, rather than by a package manager's record. */
    static boolean fromEvidence(Package pkg) {
        return !pkg.identification().evidence().isEmpty();
    }

    static List<Property> properties(Identification identification) {
        List<Property> properties = new ArrayList<>();
        properties.add(CycloneDxInventory.property("bulwark:identity:confidence", identification.confidence().label()));
        for (Evidence evidence : identification.evidence()) {
            properties.add(CycloneDxInventory.property("bulwark:identity:evidence", evidence.describe()));
        }
        for (Evidence hint : identification.hints()) {
            properties.add(CycloneDxInventory.property("bulwark:identity:hint", hint.describe()));
        }
        return properties;
    }

    static List<Identity> identities(Package pkg) {
        Identification identification = pkg.identification();
        List<Identity> identities = new ArrayList<>();
        for (Evidence.Part part : Evidence.Part.values()) {
            List<Evidence> decided = identification.evidenceFor(part);
            if (decided.isEmpty()) {
                continue;
            }
            Identity identity = new Identity();
            identity.setField(field(part));
            identity.setConfidence(identification.confidence().score());
            identity.setConcludedValue(concluded(pkg, part));
            identity.setMethods(decided.stream().map(evidence -> method(evidence, identification.confidence().score())).toList());
            identities.add(identity);
        }
        return identities;
    }

    private static String concluded(Package pkg, Evidence.Part part) {
        return switch (part) {
            case GROUP -> pkg.purl().namespace();
            case NAME -> pkg.purl().name();
            case VERSION -> pkg.version();
        };
    }

    private static Identity.Field field(Evidence.Part part) {
        return switch (part) {
            case GROUP -> Identity.Field.GROUP;
            case NAME -> Identity.Field.NAME;
            case VERSION -> Identity.Field.VERSION;
        };
    }

    // The schema wants a confidence per method; Bulwark judges the evidence as a whole, so each gets that one.
    private static Method method(Evidence evidence, double confidence) {
        Method method = new Method();
        method.setConfidence(confidence);
        method.setTechnique(technique(evidence.source()));
        method.setValue(evidence.source().label() + (evidence.value().isEmpty() ? "" : ": " + evidence.value()));
        return method;
    }

    private static Method.Technique technique(EvidenceSource source) {
        return switch (source) {
            case POM_PROPERTIES, IMPLEMENTATION_TITLE, IMPLEMENTATION_VERSION, IMPLEMENTATION_VENDOR_ID, BUNDLE_SYMBOLIC_NAME,
                 BUNDLE_VERSION, AUTOMATIC_MODULE_NAME -> Method.Technique.MANIFEST_ANALYSIS;
            case FILE_NAME -> Method.Technique.FILENAME;
            case CLASS_PACKAGES -> Method.Technique.BINARY_ANALYSIS;
            case VULNERABILITY_DATABASE -> Method.Technique.OTHER;
        };
    }
}
