package dev.bulwark.scanner.match;

import dev.bulwark.policy.pkg.Ecosystem;
import dev.bulwark.scanner.db.OsvRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the advisories that affect one package describe one vulnerability. Advisories are linked by the IDs
 * that name the same vulnerability: their own ID, their {@code aliases}, and the one upstream vulnerability a
 * distro record is about ({@code upstream}, or {@code related} in distro records written before OSV 1.7), so
 * {@code DEBIAN-CVE-2023-4911} and a GHSA aliasing {@code CVE-2023-4911} are one vulnerability. An advisory about
 * several upstream vulnerabilities (a {@code DSA} that fixes five CVEs) is no vulnerability of its own: it is
 * evidence about each of them, and its ID is one more name each of them goes by.
 */
final class AdvisoryGroups {

    private AdvisoryGroups() {
    }

    /**
     * One vulnerability of the package.
     *
     * @param hits the advisories about it, in the order they were found
     * @param ids  every ID it goes by: advisories' IDs and aliases, upstream IDs, and the bundles that fix it
     */
    record Group(List<Matcher.AdvisoryHit> hits, Set<String> ids) {
    }

    /** One advisory as evidence about one vulnerability: the IDs that link it to others, and those it only adds. */
    private record Claim(Matcher.AdvisoryHit hit, Set<String> links, Set<String> alsoKnownAs) {
    }

    static List<Group> of(List<Matcher.AdvisoryHit> hits) {
        List<Set<String>> links = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        for (Matcher.AdvisoryHit hit : hits) {
            for (Claim claim : claims(hit)) {
                if (!linksAny(links, claim.links())) { // the usual case: a vulnerability of its own; sets are only read from here on
                    Set<String> ids = claim.links();
                    if (!claim.alsoKnownAs().isEmpty()) {
                        ids = new LinkedHashSet<>(claim.links());
                        ids.addAll(claim.alsoKnownAs());
                    }
                    links.add(claim.links());
                    groups.add(new Group(List.of(claim.hit()), ids));
                    continue;
                }
                Set<String> mergedLinks = new LinkedHashSet<>(claim.links());
                List<Matcher.AdvisoryHit> mergedHits = new ArrayList<>();
                Set<String> mergedIds = new LinkedHashSet<>();
                for (int i = groups.size() - 1; i >= 0; i--) {
                    if (sharesAny(links.get(i), claim.links())) {
                        mergedLinks.addAll(links.remove(i));
                        Group joined = groups.remove(i);
                        mergedHits.addAll(0, joined.hits());
                        mergedIds.addAll(joined.ids());
                    }
                }
                if (!mergedHits.contains(claim.hit())) {
                    mergedHits.add(claim.hit());
                }
                mergedIds.addAll(claim.links());
                mergedIds.addAll(claim.alsoKnownAs());
                links.add(mergedLinks);
                groups.add(new Group(List.copyOf(mergedHits), mergedIds));
            }
        }
        return groups;
    }

    private static boolean linksAny(List<Set<String>> groupLinks, Set<String> claimLinks) {
        for (Set<String> some : groupLinks) {
            if (sharesAny(some, claimLinks)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharesAny(Set<String> some, Set<String> others) {
        for (String id : some) {
            if (others.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static List<Claim> claims(Matcher.AdvisoryHit hit) {
        OsvRecord record = hit.record();
        Set<String> own = new LinkedHashSet<>();
        own.add(record.id());
        own.addAll(record.aliases());
        List<String> upstream = upstream(hit);
        if (upstream.isEmpty()) {
            return List.of(new Claim(hit, own, Set.of()));
        }
        if (upstream.size() == 1) {
            own.addAll(upstream);
            return List.of(new Claim(hit, own, Set.of()));
        }
        List<Claim> claims = new ArrayList<>(upstream.size());
        for (String id : upstream) {
            claims.add(new Claim(hit, Set.of(id), own));
        }
        return claims;
    }

    /** The upstream vulnerabilities a record is about; {@code related} counts only for distro records. */
    private static List<String> upstream(Matcher.AdvisoryHit hit) {
        if (!hit.record().upstream().isEmpty()) {
            return hit.record().upstream();
        }
        if (hit.record().related().isEmpty()) {
            return List.of();
        }
        boolean distro = Ecosystem.ofOsvName(hit.affected().ecosystem())
                .filter(ecosystem -> ecosystem.scope() == Ecosystem.Scope.DISTRO).isPresent();
        return distro ? hit.record().related() : List.of();
    }
}
