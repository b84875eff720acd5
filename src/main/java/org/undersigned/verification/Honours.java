package org.undersigned.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Honours that organisers may attest ({@code content/honours.yaml}, e.g. the Turing Award with its laureates), and the
 * watch list of the impersonation guard: every laureate plus {@code undersigned.watch-list}
 * (docs/ARCHITECTURE.md#signing).
 */
@ApplicationScoped
public class Honours {

    public record Laureate(String name, int year) {}

    public record Honour(String id, String name, String url, List<Laureate> laureates) {}

    record File(List<Honour> honours) {}

    /** The whole key {@code undersigned.watch-list}: comma-separated names, none by default. */
    @ConfigMapping(prefix = "undersigned.watch-list")
    interface WatchList {
        @WithParentName
        Optional<List<String>> names();
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final List<Honour> all;
    private final Map<String, String> watched = new HashMap<>();

    Honours(ContentFiles.Folder contentDir, WatchList watchList) {
        Path file = contentDir.path().resolve("honours.yaml");
        this.all = Optional.ofNullable(ContentFiles.read(file, File.class).honours())
                .orElse(List.of());
        for (Honour h : all) {
            if (h.id() == null || !ID.matcher(h.id()).matches() || h.name() == null) {
                throw ContentFiles.invalid(file, "every honour needs an id (a-z, 0-9, -) and a name");
            }
            for (Laureate l : h.laureates() == null ? List.<Laureate>of() : h.laureates()) {
                if (l.name() == null || l.name().isBlank() || l.year() < 1900) {
                    throw ContentFiles.invalid(file, h.id() + ": every laureate needs a name and a year");
                }
                watched.put(Names.key(l.name()), l.name());
            }
        }
        watchList.names().orElse(List.of()).stream()
                .filter(n -> !n.isBlank())
                .forEach(n -> watched.put(Names.key(n), n));
    }

    public List<Honour> all() {
        return all;
    }

    public Optional<Honour> byId(String id) {
        return all.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** The watched person a signature's name matches (ignoring case, accents, spaces and punctuation), if any. */
    public Optional<String> watched(String name) {
        String key = Names.key(name);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(watched.get(key));
    }
}
