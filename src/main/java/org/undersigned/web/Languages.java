package org.undersigned.web;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The interface's languages (README, "Languages"): the reader's choice, remembered in the {@code lang} cookie by the
 * switcher, else the best match of the browser's Accept-Language, else the first configured language (English).
 * Letter texts keep their own language.
 */
@ApplicationScoped
public class Languages {

    public static final String COOKIE = "lang";

    private final List<Locale> supported;

    Languages(@ConfigProperty(name = "undersigned.languages", defaultValue = "en,fr") List<String> languages) {
        this.supported = languages.stream()
                .map(String::strip)
                .map(Locale::forLanguageTag)
                .toList();
    }

    /** The configured languages, the fallback first. */
    public List<Locale> supported() {
        return supported;
    }

    public boolean supports(String tag) {
        return supported.stream().anyMatch(l -> l.toLanguageTag().equals(tag));
    }

    /** The language for a request: cookie, then Accept-Language, then the fallback. */
    public Locale of(HttpServerRequest request) {
        Cookie chosen = request.getCookie(COOKIE);
        if (chosen != null && supports(chosen.getValue())) {
            return Locale.forLanguageTag(chosen.getValue());
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && !accept.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(accept), supported);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
                // a malformed header is no preference; the JDK's parser throws the latter for "-" or "en,-"
            }
        }
        return supported.get(0);
    }

    /** The language of the request being handled, if there is one (none for mail rendered by a scheduler). */
    public Optional<Locale> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        CurrentVertxRequest current =
                Arc.container().instance(CurrentVertxRequest.class).get();
        return Optional.ofNullable(current.getCurrent()).map(rc -> of(rc.request()));
    }
}
