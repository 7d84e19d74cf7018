package dev.bulwark.policy.vex;

import dev.bulwark.policy.pkg.InvalidPurlException;
import dev.bulwark.policy.pkg.PurlEncoding;
import dev.bulwark.policy.pkg.PurlPattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the {@code affects[].ref} of a CycloneDX vulnerability to the package it means, as a pattern; an
 * empty list means the whole image.
 *
 * <p>A ref is, in this order: the {@code bom-ref} of a component in the same document (at any depth, or
 * {@code metadata.component}), which stands for that component's purl; a BOM-Link
 * ({@code urn:cdx:SERIAL/VERSION#BOM-REF}) whose bom-ref is a component here or is itself a purl, as tools that
 * use purls for bom-refs write them; or a purl. A component of type {@code container}, or with a
 * {@code pkg:oci} purl, is the image itself. Anything else names no package Bulwark can match, and is an error
 * rather than being widened to the whole image.
 */
final class CycloneDxRefs {

    private static final String BOM_LINK = "urn:cdx:";

    private final Map<String, JsonAt> componentsByRef;

    private CycloneDxRefs(Map<String, JsonAt> componentsByRef) {
        this.componentsByRef = Map.copyOf(componentsByRef);
    }

    /** The components of a CycloneDX document, by their bom-ref. */
    static CycloneDxRefs of(JsonAt bom) {
        Map<String, JsonAt> byRef = new HashMap<>();
        JsonAt metadata = bom.child("metadata");
        if (metadata.node().path("component").isObject()) {
            index(metadata.child("component"), byRef);
        }
        indexAll(bom, byRef);
        return new CycloneDxRefs(byRef);
    }

    private static void indexAll(JsonAt parent, Map<String, JsonAt> byRef) {
        if (!parent.node().isObject()) {
            return;
        }
        for (JsonAt component : parent.items("components")) {
            index(component, byRef);
        }
    }

    private static void index(JsonAt component, Map<String, JsonAt> byRef) {
        if (!component.node().isObject()) {
            throw component.problem("must be a component object with \"type\", \"name\" and \"purl\"");
        }
        component.text("bom-ref").ifPresent(ref -> byRef.putIfAbsent(ref, component));
        indexAll(component, byRef);
    }

    /** The packages one {@code affects[]} entry refers to; empty for the whole image. */
    List<PurlPattern> resolve(JsonAt affect) {
        String ref = affect.text("ref").orElseThrow(() -> affect.problem("has no \"ref\"; refer to a component by"
                + " its \"bom-ref\", or give the package's purl"));
        JsonAt where = affect.child("ref");
        if (componentsByRef.containsKey(ref)) {
            return componentPatterns(componentsByRef.get(ref), ref);
        }
        if (ref.startsWith(BOM_LINK)) {
            return bomLink(ref, where);
        }
        if (ref.startsWith("pkg:")) {
            return PackageIds.packagePattern(ref, where).stream().toList();
        }
        throw where.problem("\"" + ref + "\" refers to no component; add a component with \"bom-ref\": \"" + ref
                + "\" and its \"purl\" to components[], or use the package's purl as the ref");
    }

    private List<PurlPattern> bomLink(String link, JsonAt where) {
        int hash = link.indexOf('#');
        if (hash < 0 || hash == link.length() - 1) {
            throw where.problem("BOM-Link \"" + link + "\" names a whole BOM, not a component; write"
                    + " urn:cdx:SERIAL/VERSION#BOM-REF");
        }
        String ref;
        try {
            ref = PurlEncoding.decode(link.substring(hash + 1));
        } catch (InvalidPurlException e) {
            throw where.problem("BOM-Link \"" + link + "\": " + e.getMessage());
        }
        if (componentsByRef.containsKey(ref)) {
            return componentPatterns(componentsByRef.get(ref), ref);
        }
        if (ref.startsWith("pkg:")) {
            return PackageIds.packagePattern(ref, where).stream().toList();
        }
        throw where.problem("BOM-Link \"" + link + "\" points at \"" + ref + "\" in another BOM, which is not a purl,"
                + " so Bulwark cannot tell which package it means; use the package's purl as the ref, or include the"
                + " component with its purl in this document");
    }

    private static List<PurlPattern> componentPatterns(JsonAt component, String ref) {
        if ("container".equals(component.text("type").orElse(""))) {
            return List.of();
        }
        String purl = component.text("purl").orElseThrow(() -> component.problem("is referred to as \"" + ref
                + "\" by a vulnerability but has no \"purl\"; Bulwark matches packages by purl, so add"
                + " \"purl\": \"pkg:TYPE/NAMESPACE/NAME@VERSION\""));
        if (!purl.startsWith("pkg:")) {
            throw component.problemAt("purl", "\"" + purl + "\" is not a purl; write pkg:TYPE/NAMESPACE/NAME@VERSION");
        }
        return PackageIds.packagePattern(purl, component.child("purl")).stream().toList();
    }
}
