package dev.bulwark.policy.vex;

import dev.bulwark.policy.pkg.PurlPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The packages an OpenVEX statement is about, as patterns; an empty list means the whole image.
 *
 * <ul>
 *   <li>A product with {@code subcomponents} is the thing that ships them (often the image): the statement is
 *       about those subcomponents only, each named by a package purl in {@code @id} or {@code identifiers.purl}.
 *       A subcomponent without a package purl is an error, because ignoring it would widen the statement.</li>
 *   <li>A product without subcomponents is about its own package purl ({@code @id} or {@code identifiers.purl}).</li>
 *   <li>A product named only by something else (an image reference, a {@code pkg:oci} purl, a CPE, hashes)
 *       cannot be matched against packages, so it stands for the whole image the document is applied to. This
 *       is Bulwark's rule, not the specification's: a document is given for the image being checked, and which
 *       image a statement names is not compared with it.</li>
 *   <li>A statement without products (they may come from an encapsulating attestation) is about the whole image.</li>
 * </ul>
 *
 * <p>Documents older than v0.2.0 list products as plain strings and subcomponents at the statement level; both
 * are read the same way.
 */
final class OpenVexProducts {

    private OpenVexProducts() {
    }

    static List<PurlPattern> of(JsonAt statement) {
        List<JsonAt> statementSubcomponents = statement.items("subcomponents");
        List<JsonAt> products = statement.items("products");
        if (products.isEmpty()) {
            return subcomponentPatterns(statementSubcomponents);
        }
        LinkedHashSet<PurlPattern> patterns = new LinkedHashSet<>();
        for (JsonAt product : products) {
            List<PurlPattern> scope = scope(product, statementSubcomponents);
            if (scope.isEmpty()) {
                return List.of();
            }
            patterns.addAll(scope);
        }
        return List.copyOf(patterns);
    }

    private static List<PurlPattern> scope(JsonAt product, List<JsonAt> statementSubcomponents) {
        List<JsonAt> subcomponents = product.node().isObject() ? product.items("subcomponents") : List.of();
        if (subcomponents.isEmpty()) {
            subcomponents = statementSubcomponents;
        }
        return subcomponents.isEmpty() ? packagePatterns(product) : subcomponentPatterns(subcomponents);
    }

    private static List<PurlPattern> subcomponentPatterns(List<JsonAt> subcomponents) {
        List<PurlPattern> patterns = new ArrayList<>();
        for (JsonAt subcomponent : subcomponents) {
            List<PurlPattern> named = packagePatterns(subcomponent);
            if (named.isEmpty()) {
                throw subcomponent.problem("names no package; give a subcomponent its package purl, as in"
                        + " {\"@id\": \"pkg:deb/debian/openssl@3.0.11-1~deb12u2\"} or {\"identifiers\": {\"purl\": \"pkg:…\"}}");
            }
            patterns.addAll(named);
        }
        return patterns;
    }

    /** The package purls a component is named by: its {@code @id} and {@code identifiers.purl}, or itself as a string. */
    private static List<PurlPattern> packagePatterns(JsonAt component) {
        if (component.node().isTextual()) {
            return PackageIds.packagePattern(component.node().asText().strip(), component).stream().toList();
        }
        if (!component.node().isObject()) {
            throw component.problem("must be an object with \"@id\" or \"identifiers\", or an ID string");
        }
        List<PurlPattern> patterns = new ArrayList<>();
        component.text("@id").flatMap(id -> PackageIds.packagePattern(id, component.child("@id")))
                .ifPresent(patterns::add);
        JsonAt identifiers = component.child("identifiers");
        if (identifiers.node().isObject()) {
            identifiers.text("purl").flatMap(purl -> PackageIds.packagePattern(purl, identifiers.child("purl")))
                    .ifPresent(patterns::add);
        }
        return patterns.stream().distinct().toList();
    }
}
