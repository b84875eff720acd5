package org.undersigned.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Gives every template rendered for a request the request's language, and the layout what its language switcher
 * needs: the languages offered and the page's own path to come back to.
 */
@ApplicationScoped
public class LanguageTemplates implements TemplateInstance.Initializer {

    /** A language the switcher offers: its tag, its own name for itself, whether it is the page's. */
    public record Offered(String tag, String name, boolean current) {}

    private final Languages languages;

    LanguageTemplates(Languages languages) {
        this.languages = languages;
    }

    /** Quarkus builds the engine once; beans are not initializers by themselves. */
    void register(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance instance) {
        languages.current().ifPresent(locale -> {
            instance.setLocale(locale);
            // Quarkus REST picks a response's variant from Accept-Language among the bundles' languages; offering it
            // only this one keeps the reader's choice (cookie) and the configured languages in charge
            instance.getTemplate()
                    .getVariant()
                    .ifPresent(v -> instance.setAttribute(
                            "variants", List.of(new Variant(locale, v.getContentType(), v.getEncoding()))));
        });
    }

    /** The languages to switch to; empty when only one is configured (no switcher then). */
    @TemplateExtension(namespace = "languages")
    static List<Offered> offered() {
        Languages all = Arc.container().instance(Languages.class).get();
        if (all.supported().size() < 2) {
            return List.of();
        }
        Locale current = all.current().orElse(all.supported().get(0));
        return all.supported().stream()
                .map(l -> new Offered(l.toLanguageTag(), l.getDisplayLanguage(l), l.equals(current)))
                .toList();
    }

    /** The path (and query) of the page being rendered, URL-encoded, for the switcher to come back to. */
    @TemplateExtension(namespace = "languages")
    static String back() {
        var rc = Arc.container().requestContext().isActive()
                ? Arc.container().instance(CurrentVertxRequest.class).get().getCurrent()
                : null;
        return URLEncoder.encode(rc == null ? "/" : rc.request().uri(), StandardCharsets.UTF_8);
    }
}
