package org.undersigned.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.undersigned.web.PublicUrl;

/**
 * Delivers queued mail over SMTP, never inside a business transaction (docs/ARCHITECTURE.md#mail). Each round claims
 * a batch with one statement, sends it over the mailer's pool of kept-alive connections (SMTP pipelining where the
 * relay offers it), then records the outcomes batch-wise; rounds follow each other while mail is due, so a surge is
 * drained at the relay's pace rather than one poll at a time. The figures are in bench/README.md ("Mail").
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final Duration HEAD_AGAIN = Duration.ofSeconds(2);

    private final OutboxRepository repository;
    private final ReactiveMailer mailer;
    private final DevMailbox devMailbox;
    private final MailConfig config;
    private final String host;
    private final Counter sent;
    private final Counter givenUp;
    private final int connections;
    /**
     * When this replica last found the relay unreachable. While it is down, claiming and postponing each second's
     * newest rows would rewrite every queued row again and again, costing sign-up intake (bench/README.md, "Mail").
     */
    private volatile long relayDownSince = System.nanoTime() - Long.MAX_VALUE / 2;

    MailSender(
            OutboxRepository repository,
            ReactiveMailer mailer,
            DevMailbox devMailbox,
            MailConfig config,
            PublicUrl publicUrl,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.mailer.max-pool-size", defaultValue = "10") int connections) {
        this.repository = repository;
        this.mailer = mailer;
        this.devMailbox = devMailbox;
        this.config = config;
        this.host = publicUrl.host();
        this.sent = registry.counter("undersigned.mail.sent");
        this.givenUp = registry.counter("undersigned.mail.given.up");
        this.connections = connections;
    }

    /** What became of one message. */
    sealed interface Outcome {
        long id();

        record Sent(long id) implements Outcome {}

        /** The relay answered with an error for this message: counted as an attempt. */
        record Refused(long id, int attempts, String error) implements Outcome {}

        /** No answer from a relay (refused connection, timeout): the outbox waits, counting nothing. */
        record Unreachable(long id, String error) implements Outcome {}
    }

    @Scheduled(
            every = "${undersigned.mail.poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "mail-sender")
    void sendDue() {
        if (System.nanoTime() - relayDownSince < config.retryBase().toNanos()) {
            return; // the relay was unreachable a moment ago: one probe per retry delay, not a claim every poll
        }
        int batch = config.batch();
        // Rounds read on from the last claim (see OutboxRepository.claim), and start again at the head of the queue
        // every HEAD_AGAIN: a row committed after its due time was passed (a sign-up's transaction still open at a
        // claim) waits at most that long.
        OutboxRepository.Queued last = null;
        long head = System.nanoTime();
        for (int claimed = batch; claimed == batch; ) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (System.nanoTime() - head > HEAD_AGAIN.toNanos()) {
                last = null;
                head = System.nanoTime();
            }
            OutboxRepository.Queued after = last;
            List<OutboxRepository.Queued> queued = QuarkusTransaction.requiringNew()
                    .call(() -> repository.claim(now, now.plus(config.lease()), batch, after));
            claimed = queued.size();
            if (claimed > 0 && !send(queued)) {
                relayDownSince = System.nanoTime();
                return;
            }
            last = claimed > 0 ? queued.get(claimed - 1) : last;
        }
    }

    /**
     * Sends a round with as many messages in flight as the mailer has connections: more would only wait in the
     * connection pool's queue, where a relay that refuses connections has been seen to leave waiters unanswered.
     * Outcomes are recorded in groups as they come, so one slow message holds back only itself. Once the relay is
     * found unreachable, the rest of the round is not tried (a relay that never answers would otherwise hold the
     * round for a send timeout per message). True when the relay took or refused at least one message.
     */
    private boolean send(List<OutboxRepository.Queued> queued) {
        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean reached = new AtomicBoolean();
        // one recipient's mails go one after the other, in the order they were queued (a receipt after its
        // confirmation)
        Map<String, List<OutboxRepository.Queued>> byRecipient = new LinkedHashMap<>();
        queued.forEach(m -> byRecipient
                .computeIfAbsent(m.recipient(), k -> new ArrayList<>())
                .add(m));
        Multi.createFrom()
                .iterable(byRecipient.values())
                .onItem()
                .transformToMulti(mails -> Multi.createFrom()
                        .iterable(mails)
                        .onItem()
                        .transformToUniAndConcatenate(m -> down.get()
                                ? Uni.createFrom().<Outcome>item(new Outcome.Unreachable(m.id(), "not tried"))
                                : send(m).invoke(o -> down.compareAndSet(false, o instanceof Outcome.Unreachable))))
                .merge(connections)
                .group()
                .intoLists()
                .of(100, Duration.ofMillis(500))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // recording is blocking: off the event loop
                .onItem()
                .invoke(outcomes -> reached.compareAndSet(false, record(outcomes)))
                .collect()
                .last()
                .await()
                .atMost(config.lease());
        return reached.get();
    }

    private Uni<Outcome> send(OutboxRepository.Queued m) {
        io.quarkus.mailer.Mail mail = io.quarkus.mailer.Mail.withText(m.recipient(), m.subject(), m.text())
                .setHtml(m.html())
                .addHeader("Message-ID", "<outbox-" + m.id() + "@" + host + ">")
                .addHeader("Auto-Submitted", "auto-generated");
        if (m.language() != null) { // RFC 3282: the language the mail is written in
            mail.addHeader("Content-Language", m.language());
        }
        if (m.listUnsubscribe() != null) { // RFC 8058: mail clients offer a one-click unsubscribe button
            mail.addHeader("List-Unsubscribe", "<" + m.listUnsubscribe() + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mailer.send(mail)
                .ifNoItem()
                .after(config.sendTimeout())
                .failWith(() -> new TimeoutException("no answer from the relay in " + config.sendTimeout()))
                .map(done -> {
                    devMailbox.record(
                            new Mail(m.recipient(), m.subject(), m.text(), m.html()).inLanguage(m.language()));
                    return (Outcome) new Outcome.Sent(m.id());
                })
                .onFailure()
                .recoverWithItem(e -> e instanceof SMTPException refusal
                        ? new Outcome.Refused(m.id(), m.attempts() + 1, describe(refusal))
                        : new Outcome.Unreachable(m.id(), describe(e)));
    }

    /** Records outcomes; false when the relay could not be reached for any of them. */
    private boolean record(List<Outcome> outcomes) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Long> delivered = outcomes.stream()
                .filter(o -> o instanceof Outcome.Sent)
                .map(Outcome::id)
                .toList();
        List<Outcome.Unreachable> unreachable = outcomes.stream()
                .filter(o -> o instanceof Outcome.Unreachable)
                .map(o -> (Outcome.Unreachable) o)
                .toList();
        List<Outcome.Refused> refused = outcomes.stream()
                .filter(o -> o instanceof Outcome.Refused)
                .map(o -> (Outcome.Refused) o)
                .toList();
        String outage = unreachable.stream()
                .map(Outcome.Unreachable::error)
                .filter(e -> !e.equals("not tried"))
                .findFirst()
                .orElse("unreachable");
        QuarkusTransaction.requiringNew().run(() -> {
            if (!delivered.isEmpty()) {
                repository.delete(delivered);
            }
            if (!unreachable.isEmpty()) {
                repository.postpone(
                        unreachable.stream().map(Outcome::id).toList(), now.plus(config.retryBase()), outage);
            }
            for (Outcome.Refused r : refused) {
                boolean giveUp = r.attempts() >= config.maxAttempts();
                repository.refused(r.id(), r.attempts(), now.plus(backoff(r.attempts())), r.error(), giveUp);
            }
        });
        sent.increment(delivered.size());
        if (!unreachable.isEmpty()) {
            // no address in the log: the outbox ids and the error class say enough
            LOG.warnf(
                    "%d mails not sent, relay unreachable (%s); retrying in %s",
                    unreachable.size(), outage, config.retryBase());
        }
        for (Outcome.Refused r : refused) {
            boolean giveUp = r.attempts() >= config.maxAttempts();
            if (giveUp) {
                givenUp.increment();
            }
            LOG.warnf(
                    "Mail %d refused (attempt %d%s): %s", r.id(), r.attempts(), giveUp ? ", given up" : "", r.error());
        }
        return unreachable.size() < outcomes.size();
    }

    /** The wait after the n-th refusal: the retry base doubled each time, at most 6 hours. */
    private Duration backoff(int attempts) {
        Duration delay = config.retryBase().multipliedBy(1L << Math.min(attempts - 1, 10));
        return delay.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : delay;
    }

    /** The error without the message's text beyond the relay's reply (which may quote the address: it is cut). */
    private static String describe(Throwable e) {
        if (e instanceof SMTPException refusal) {
            return "SMTP " + refusal.getReplyCode();
        }
        return e.getClass().getSimpleName();
    }
}
