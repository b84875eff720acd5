package org.undersigned.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Known organisations ({@code content/organisations.yaml}): their names, aliases and email domains, so that an
 * address confirmed at one of the domains of the organisation a signer states proves the affiliation
 * ({@code email-domain}, docs/ARCHITECTURE.md#signing). Read once at start; a broken file stops the start.
 */
@ApplicationScoped
public class Organisations {

    /** {@code ror} is the ROR id without its scheme ("ror.org/042nb2s44"), or null when not recorded. */
    public record Organisation(String name, List<String> aliases, List<String> domains, String ror) {}

    record File(List<Organisation> organisations) {}

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
    private static final Pattern ROR = Pattern.compile("ror\\.org/0[a-z0-9]{6}[0-9]{2}");

    private final List<Organisation> all;
    private final Map<String, Organisation> byName = new HashMap<>();

    Organisations(ContentFiles.Folder contentDir) {
        Path file = contentDir.path().resolve("organisations.yaml");
        List<Organisation> read = Optional.ofNullable(
                        ContentFiles.read(file, File.class).organisations())
                .orElse(List.of());
        this.all = read.stream().map(o -> validated(file, o)).toList();
        for (Organisation o : all) {
            for (String name : names(o)) {
                Organisation clash = byName.put(Names.key(name), o);
                if (clash != null && clash != o) {
                    throw ContentFiles.invalid(file, "'" + name + "' names both " + clash.name() + " and " + o.name());
                }
            }
        }
    }

    private static Organisation validated(Path file, Organisation o) {
        if (o.name() == null || o.name().isBlank()) {
            throw ContentFiles.invalid(file, "an organisation has no name");
        }
        List<String> domains = o.domains() == null
                ? List.of()
                : o.domains().stream()
                        .map(d -> d.strip().toLowerCase(Locale.ROOT))
                        .toList();
        domains.stream().filter(d -> !DOMAIN.matcher(d).matches()).findFirst().ifPresent(d -> {
            throw ContentFiles.invalid(file, o.name() + ": '" + d + "' is not a domain name");
        });
        String ror = o.ror() == null ? null : o.ror().replaceFirst("^https?://", "");
        if (ror != null && !ROR.matcher(ror).matches()) {
            throw ContentFiles.invalid(file, o.name() + ": '" + o.ror() + "' is not a ROR id (ror.org/0xxxxxxNN)");
        }
        return new Organisation(o.name().strip(), o.aliases() == null ? List.of() : o.aliases(), domains, ror);
    }

    private static List<String> names(Organisation o) {
        return Stream.concat(Stream.of(o.name()), o.aliases().stream()).toList();
    }

    public List<Organisation> all() {
        return all;
    }

    /** The organisation a signer means by {@code stated}: its name or an alias, ignoring case and accents. */
    public Optional<Organisation> named(String stated) {
        return stated == null ? Optional.empty() : Optional.ofNullable(byName.get(Names.key(stated)));
    }

    /** The organisation with this ROR id ("ror.org/…"), if listed. */
    public Optional<Organisation> byRor(String ror) {
        return ror == null
                ? Optional.empty()
                : all.stream().filter(o -> ror.equals(o.ror())).findFirst();
    }

    /** True when {@code emailDomain} is one of the organisation's domains or a subdomain of one. */
    public static boolean owns(Organisation o, String emailDomain) {
        String d = emailDomain.toLowerCase(Locale.ROOT);
        return o.domains().stream().anyMatch(own -> d.equals(own) || d.endsWith("." + own));
    }
}
