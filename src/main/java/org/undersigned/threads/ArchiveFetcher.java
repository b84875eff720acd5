package org.undersigned.threads;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.undersigned.web.PublicUrl;

/**
 * Fetches a page for the archive, defensively (docs/ARCHITECTURE.md#letters-and-threads): http and https only; the
 * host resolved here and every address it has checked ({@link PublicAddresses}), then the connection made to that
 * very address (so a name cannot resolve to a public address for the check and a private one for the connection);
 * at most 5 redirects, each checked the same way; a size limit enforced while reading; one deadline for it all.
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
class ArchiveFetcher {

    static final int MAX_REDIRECTS = 5;

    /** A page as fetched. */
    record Fetched(byte[] body, String contentType, String finalUrl) {}

    /** Why a page was not archived, in words for the organiser who asked (a 4xx, never a 500). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private record Answer(int status, String location, String contentType, byte[] body) {}

    private final HttpClient client;
    private final ArchiveConfig config;
    private final String userAgent;

    ArchiveFetcher(Vertx vertx, ArchiveConfig config, PublicUrl publicUrl) {
        this.config = config;
        this.userAgent = "Undersigned-archiver (+" + publicUrl.base() + ")";
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(4)
                .setKeepAlive(false));
    }

    Fetched fetch(String url) throws Refused {
        URI uri = parse(url);
        long deadline = System.nanoTime() + config.timeout().toNanos();
        for (int redirects = 0; ; redirects++) {
            InetAddress address = publicAddress(uri);
            Answer answer = get(uri, address, deadline);
            if (answer.status() >= 300 && answer.status() < 400 && answer.location() != null) {
                if (redirects == MAX_REDIRECTS) {
                    throw new Refused("The page redirects more than " + MAX_REDIRECTS + " times.");
                }
                uri = parse(uri.resolve(answer.location().strip()).toString());
                continue;
            }
            if (answer.status() != 200) {
                throw new Refused(uri + " answered HTTP " + answer.status() + ", not a page to archive.");
            }
            return new Fetched(
                    answer.body(),
                    answer.contentType() == null ? "application/octet-stream" : answer.contentType(),
                    uri.toString());
        }
    }

    private static URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("'" + url + "' is not an address.");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw new Refused("Give an http or https address without a user name, e.g. https://example.com/post.");
        }
        return uri;
    }

    private InetAddress publicAddress(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("The host " + uri.getHost() + " is not known.");
        }
        for (InetAddress a : addresses) {
            var refusal = PublicAddresses.refusal(a, config.allowLoopback());
            if (refusal.isPresent()) {
                throw new Refused(
                        uri.getHost() + " resolves to " + refusal.get() + ": only public pages are archived.");
            }
        }
        return addresses[0];
    }

    private Answer get(URI uri, InetAddress address, long deadline) throws Refused {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new Refused("The page took longer than " + config.timeout().toSeconds() + " s.");
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                // connect to the address checked, while Host and TLS name stay the page's host
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .setTimeout(left)
                .putHeader("User-Agent", userAgent)
                .putHeader("Accept", "*/*");
        long max = config.maxSize().asLongValue();
        CompletableFuture<Answer> result = new CompletableFuture<>();
        client.request(options)
                .compose(request -> request.send())
                .onSuccess(response -> {
                    String length = response.getHeader("Content-Length");
                    if (response.statusCode() != 200) {
                        result.complete(new Answer(response.statusCode(), response.getHeader("Location"), null, null));
                        response.request().reset();
                        return;
                    }
                    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
                        result.completeExceptionally(tooLarge());
                        response.request().reset();
                        return;
                    }
                    Buffer body = Buffer.buffer();
                    response.handler(chunk -> {
                        if (body.length() + (long) chunk.length() > max) {
                            result.completeExceptionally(tooLarge());
                            response.request().reset();
                        } else {
                            body.appendBuffer(chunk);
                        }
                    });
                    response.exceptionHandler(result::completeExceptionally);
                    response.endHandler(done -> result.complete(
                            new Answer(200, null, response.getHeader("Content-Type"), body.getBytes())));
                })
                .onFailure(result::completeExceptionally);
        try {
            return result.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Refused("The page took longer than " + config.timeout().toSeconds() + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("Interrupted while fetching the page.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refused refused) {
                throw refused;
            }
            throw new Refused("The page could not be fetched: " + e.getCause().getMessage());
        }
    }

    private Refused tooLarge() {
        return new Refused("The page is larger than " + config.maxSize().asLongValue() / 1_000_000 + " MB.");
    }
}
