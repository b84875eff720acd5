package org.undersigned.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Honours that organisers may attest ({@code content/honours.yaml}, e.g. the Turing Award with its laureates), and the
 * watch list of the impersonation guard: every laureate plus {@code undersigned.watch-list}, each with the ORCID iDs
 * named as theirs (a laureate's optional {@code orcid}, a watch-list entry {@code Name=iD}), matched by
 * {@link WatchedNames} (docs/ARCHITECTURE.md#signing).
 */
@ApplicationScoped
public class Honours {

    public record Laureate(String name, int year) {}

    public record Honour(String id, String name, String url, List<Laureate> laureates) {}

    // as in the file: a laureate's ORCID iD exempts them from the guard but is not part of the public API
    record LaureateEntry(String name, int year, String orcid) {}

    record HonourEntry(String id, String name, String url, List<LaureateEntry> laureates) {}

    record File(List<HonourEntry> honours) {}

    /** The whole key {@code undersigned.watch-list}: comma-separated {@code Name} or {@code Name=iD}, none by default. */
    @ConfigMapping(prefix = "undersigned.watch-list")
    interface WatchList {
        @WithParentName
        Optional<List<String>> names();
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final List<Honour> all;
    private final WatchedNames watched;

    Honours(ContentFiles.Folder contentDir, WatchList watchList) {
        Path file = contentDir.path().resolve("honours.yaml");
        List<HonourEntry> entries = Optional.ofNullable(
                        ContentFiles.read(file, File.class).honours())
                .orElse(List.of());
        Map<String, Watched> people = new LinkedHashMap<>();
        for (HonourEntry h : entries) {
            if (h.id() == null || !ID.matcher(h.id()).matches() || h.name() == null) {
                throw ContentFiles.invalid(file, "every honour needs an id (a-z, 0-9, -) and a name");
            }
            for (LaureateEntry l : laureates(h)) {
                if (l.name() == null || l.name().isBlank() || l.year() < 1900) {
                    throw ContentFiles.invalid(file, h.id() + ": every laureate needs a name and a year");
                }
                if (l.orcid() != null && !OrcidIds.valid(l.orcid())) {
                    throw ContentFiles.invalid(file, l.name() + ": '" + l.orcid() + "' is not an ORCID iD");
                }
                watch(people, l.name(), l.orcid());
            }
        }
        this.all = entries.stream()
                .map(h -> new Honour(
                        h.id(),
                        h.name(),
                        h.url(),
                        laureates(h).stream()
                                .map(l -> new Laureate(l.name(), l.year()))
                                .toList()))
                .toList();
        for (String entry : watchList.names().orElse(List.of())) {
            int eq = entry.indexOf('=');
            String name = (eq < 0 ? entry : entry.substring(0, eq)).strip();
            String orcid = eq < 0 ? null : entry.substring(eq + 1).strip();
            if (orcid != null && !OrcidIds.valid(orcid)) {
                throw new IllegalStateException("undersigned.watch-list: '" + entry
                        + "' should be a name or Name=iD, with an ORCID iD like 0000-0002-1825-0097");
            }
            if (!name.isBlank()) {
                watch(people, name, orcid);
            }
        }
        this.watched = new WatchedNames(people.values().stream()
                .map(w -> new WatchedNames.Person(w.name(), w.orcids()))
                .toList());
    }

    /** A watched name as first written, with every iD named for it in either place. */
    private record Watched(String name, Set<String> orcids) {}

    private static void watch(Map<String, Watched> people, String name, String orcid) {
        Watched w = people.computeIfAbsent(Names.key(name), k -> new Watched(name.strip(), new HashSet<>()));
        if (orcid != null) {
            w.orcids().add(OrcidIds.bare(orcid));
        }
    }

    private static List<LaureateEntry> laureates(HonourEntry h) {
        return h.laureates() == null ? List.of() : h.laureates();
    }

    public List<Honour> all() {
        return all;
    }

    public Optional<Honour> byId(String id) {
        return all.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /**
     * The watched person a signature's name could pass for ({@link WatchedNames}), unless {@code orcidId} (null when
     * the signature carries none) is an iD named for that person.
     */
    public Optional<String> watched(String name, String orcidId) {
        return watched.held(name, orcidId);
    }
}
