package org.undersigned.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * This service's public base URL ({@code undersigned.public-url}), read and parsed once at start: the absolute links
 * in mails and feeds, the origin from which the organiser cookie may act, the host in log origins and Message-IDs, and
 * whether cookies are Secure all come from here.
 */
@Singleton
public final class PublicUrl {

    /** The whole key {@code undersigned.public-url}. */
    @ConfigMapping(prefix = "undersigned.public-url")
    interface Key {
        @WithParentName
        String value();
    }

    private final String base;
    private final String host;
    private final String hostAndPort;
    private final String origin;
    private final boolean secure;

    @Inject
    PublicUrl(Key key) {
        this(key.value());
    }

    private PublicUrl(String url) {
        URI uri = URI.create(url);
        this.base = url.replaceAll("/+$", "");
        this.host = uri.getHost();
        this.hostAndPort = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        // RFC 6454 §6.1: scheme "://" host [":" port], the port only when one is given
        this.origin = uri.getScheme() + "://" + hostAndPort;
        this.secure = url.startsWith("https:");
    }

    /** Parses {@code url} as the configured value would be (tests, tools). */
    public static PublicUrl of(String url) {
        return new PublicUrl(url);
    }

    /** The URL without trailing slashes, e.g. {@code https://letters.example.org}. */
    public String base() {
        return base;
    }

    /** The absolute URL of {@code path}, which starts with a slash: {@code link("/letters/x")}. */
    public String link(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        return base + path;
    }

    /** The host name alone, e.g. {@code letters.example.org}. */
    public String host() {
        return host;
    }

    /** The host with the port when one is given, e.g. {@code localhost:8080}. */
    public String hostAndPort() {
        return hostAndPort;
    }

    /** The web origin, e.g. {@code https://letters.example.org}: what browsers send in the Origin header. */
    public String origin() {
        return origin;
    }

    /** True for an {@code https:} URL: cookies are then marked Secure. */
    public boolean secure() {
        return secure;
    }

    @Override
    public String toString() {
        return base;
    }
}
