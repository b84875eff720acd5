package org.undersigned.mail;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.undersigned.web.PublicUrl;

/**
 * The SMTP relay, reached over kept-alive connections ({@link SmtpConnection}) configured by the usual
 * {@code quarkus.mailer.*} keys (host, port, tls, start-tls, username, password, trust-all, max-pool-size). A message
 * is written to the socket in one piece: a general-purpose client that writes a message line by line costs a system
 * call and a loopback packet per line on both ends, which set the delivery rate (bench/README.md, "Mail").
 */
@ApplicationScoped
class SmtpRelay {

    /** How the relay is reached. */
    record Settings(
            String host,
            int port,
            boolean tls,
            String startTls,
            Optional<String> username,
            Optional<String> password,
            boolean trustAll,
            int connections,
            Duration timeout) {}

    private final Vertx vertx;
    private final Settings settings;
    private final String helloName;
    private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();
    private volatile NetClient client;

    /** A kept-alive connection and the event loop its socket belongs to. */
    private record Pooled(SmtpConnection connection, Context context) {}

    @Inject
    SmtpRelay(
            Vertx vertx,
            PublicUrl publicUrl,
            MailConfig config,
            @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
            @ConfigProperty(name = "quarkus.mailer.tls", defaultValue = "false") boolean tls,
            @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
            @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.mailer.trust-all", defaultValue = "false") boolean trustAll,
            @ConfigProperty(name = "quarkus.mailer.max-pool-size", defaultValue = "10") int connections) {
        this(
                vertx,
                new Settings(
                        host,
                        port.orElse(tls ? 465 : 25),
                        tls,
                        startTls.toUpperCase(Locale.ROOT),
                        username,
                        password,
                        trustAll,
                        connections,
                        config.sendTimeout()),
                publicUrl.host());
    }

    SmtpRelay(Vertx vertx, Settings settings, String helloName) {
        this.vertx = vertx;
        this.settings = settings;
        this.helloName = helloName;
    }

    /**
     * Sends each recipient's messages in order over one connection, as many connections at once as configured
     * (recipients dealt to them in turn); results are reported as they come, from event-loop threads. A connection
     * that cannot be opened reports its messages unanswered. Completes when every message has a result.
     */
    Future<Void> deliver(
            Collection<List<SmtpConnection.Outgoing>> byRecipient,
            Consumer<SmtpConnection.Result> results,
            BooleanSupplier stop) {
        int n = Math.max(1, Math.min(settings.connections(), byRecipient.size()));
        List<List<SmtpConnection.Outgoing>> lanes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lanes.add(new ArrayList<>());
        }
        int next = 0;
        for (List<SmtpConnection.Outgoing> mails : byRecipient) {
            lanes.get(next++ % n).addAll(mails);
        }
        return Future.all(lanes.stream().map(lane -> lane(lane, results, stop)).toList())
                .mapEmpty();
    }

    private Future<Void> lane(
            List<SmtpConnection.Outgoing> messages, Consumer<SmtpConnection.Result> results, BooleanSupplier stop) {
        return connection().transform(opened -> {
            if (opened.failed()) {
                messages.forEach(m -> results.accept(new SmtpConnection.Result.Unanswered(m.id(), opened.cause())));
                return Future.succeededFuture();
            }
            Pooled pooled = opened.result();
            Future<Void> sent = Future.future(done -> pooled.context()
                    .runOnContext(v ->
                            pooled.connection().deliver(messages, results, stop).onComplete(done)));
            return sent.onComplete(r -> {
                if (pooled.connection().open()) {
                    idle.push(pooled);
                }
            });
        });
    }

    /** A kept-alive connection still open, else a new one. */
    private Future<Pooled> connection() {
        for (Pooled p; (p = idle.poll()) != null; ) {
            if (p.connection().open()) {
                return Future.succeededFuture(p);
            }
        }
        // connected from its event loop, the socket stays on it: the connection is then only ever used from there
        Context context = vertx.getOrCreateContext();
        return Future.future(opened -> context.runOnContext(v -> open(context).onComplete(opened)));
    }

    private Future<Pooled> open(Context context) {
        return client().connect(settings.port(), settings.host()).compose(socket -> {
            SmtpConnection c = new SmtpConnection(socket);
            return c.greeting()
                    .compose(greeting -> greeting.code() == 220
                            ? c.hello(helloName)
                            : Future.failedFuture(new IOException("the relay greeted with " + greeting.code())))
                    .compose(hello -> secure(c))
                    .compose(v -> settings.username().isPresent()
                            ? c.authenticate(
                                    settings.username().get(),
                                    settings.password().orElse(""))
                            : Future.succeededFuture())
                    .map(v -> new Pooled(c, context))
                    .onFailure(c::close);
        });
    }

    /** STARTTLS as {@code quarkus.mailer.start-tls} says: DISABLED, OPTIONAL (when offered) or REQUIRED. */
    private Future<Void> secure(SmtpConnection c) {
        if (settings.tls() || settings.startTls().equals("DISABLED")) {
            return Future.succeededFuture();
        }
        if (!c.capabilities().startTls()) {
            return settings.startTls().equals("REQUIRED")
                    ? Future.failedFuture(new IOException("the relay offers no STARTTLS, which is required"))
                    : Future.succeededFuture();
        }
        return c.startTls(settings.host()).compose(v -> c.hello(helloName)).mapEmpty();
    }

    private NetClient client() {
        NetClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    int timeout = (int) Math.max(1, settings.timeout().toMillis());
                    NetClientOptions options = new NetClientOptions()
                            .setConnectTimeout(timeout)
                            // a relay silent this long is taken for an outage; kept-alive connections close after
                            // it too, before a relay's own idle timeout would close them under a new round
                            .setIdleTimeout(timeout)
                            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                            .setTcpNoDelay(true)
                            .setSsl(settings.tls())
                            .setTrustAll(settings.trustAll())
                            .setHostnameVerificationAlgorithm(settings.trustAll() ? "" : "HTTPS");
                    client = vertx.createNetClient(options);
                }
                c = client;
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        for (Pooled p; (p = idle.poll()) != null; ) {
            Pooled pooled = p;
            pooled.context().runOnContext(v -> pooled.connection().quit());
        }
    }
}
