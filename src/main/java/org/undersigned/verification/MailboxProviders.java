package org.undersigned.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mailbox key of an address: the local part case-folded and without its {@code +tag}, then the rules of the
 * provider that owns the domain (mailbox-providers.yaml next to this class: which domains are one provider, whether
 * dots count, which domains are shared by many people).
 */
public final class MailboxProviders {

    /** One provider: its domains, the domain its keys use, whether dots count, whether many people share it. */
    record Provider(List<String> domains, String keyDomain, boolean ignoreDots, boolean shared) {}

    private record File(List<Provider> providers) {}

    private static final Map<String, Provider> BY_DOMAIN = load();

    private MailboxProviders() {}

    /** The key of {@code local@domain} ({@code domain} already an A-label). */
    static String key(String local, String domain) {
        String folded = EmailAddress.fold(local);
        int plus = folded.indexOf('+');
        if (plus > 0) {
            folded = folded.substring(0, plus);
        }
        Provider provider = BY_DOMAIN.get(domain);
        if (provider == null) {
            return folded + "@" + domain;
        }
        String mailbox = provider.ignoreDots() ? folded.replace(".", "") : folded;
        return mailbox + "@" + (provider.keyDomain() == null ? domain : provider.keyDomain());
    }

    /** True for a domain many unrelated people share (a webmail provider): no per-domain sign-up limit applies. */
    public static boolean shared(String domain) {
        Provider provider = BY_DOMAIN.get(domain);
        return provider != null && provider.shared();
    }

    private static Map<String, Provider> load() {
        try (InputStream in = MailboxProviders.class.getResourceAsStream("mailbox-providers.yaml")) {
            if (in == null) {
                throw new IllegalStateException("mailbox-providers.yaml is missing from the application");
            }
            Map<String, Provider> byDomain = new HashMap<>();
            for (Provider p : new ObjectMapper(new YAMLFactory())
                    .readValue(in, File.class)
                    .providers()) {
                p.domains().forEach(d -> byDomain.put(d, p));
            }
            return Map.copyOf(byDomain);
        } catch (IOException e) {
            throw new UncheckedIOException("mailbox-providers.yaml cannot be read", e);
        }
    }
}
