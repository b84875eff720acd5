package org.undersigned.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.undersigned.web.PublicUrl;

/**
 * Delivers queued mail over SMTP, never inside a business transaction (docs/ARCHITECTURE.md#mail). Each round claims
 * a batch with one statement, sends it over the relay's kept-alive connections ({@link SmtpRelay}, one write per
 * message, pipelined where the relay offers it), then records the outcomes batch-wise; rounds follow each other while
 * mail is due, so a surge is drained at the relay's pace rather than one poll at a time. The figures are in
 * bench/README.md ("Mail").
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final Duration HEAD_AGAIN = Duration.ofSeconds(2);

    private static final int GROUP = 100;
    private static final Duration GROUP_WAIT = Duration.ofMillis(500);

    private final OutboxRepository repository;
    private final SmtpRelay relay;
    private final DevMailbox devMailbox;
    private final MailConfig config;
    private final String host;
    private final String from;
    private final String sender;
    private final boolean mock;
    private final Counter sent;
    private final Counter givenUp;
    /**
     * When this replica last found the relay unreachable. While it is down, claiming and postponing each second's
     * newest rows would rewrite every queued row again and again, costing sign-up intake (bench/README.md, "Mail").
     */
    private volatile long relayDownSince = System.nanoTime() - Long.MAX_VALUE / 2;

    MailSender(
            OutboxRepository repository,
            SmtpRelay relay,
            DevMailbox devMailbox,
            MailConfig config,
            PublicUrl publicUrl,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.mailer.from") String from,
            @ConfigProperty(name = "quarkus.mailer.bounce-address") Optional<String> bounceAddress,
            @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mock) {
        this.repository = repository;
        this.relay = relay;
        this.devMailbox = devMailbox;
        this.config = config;
        this.host = publicUrl.host();
        this.from = from;
        this.sender = MessageWriter.address(bounceAddress.orElse(from));
        this.mock = mock;
        this.sent = registry.counter("undersigned.mail.sent");
        this.givenUp = registry.counter("undersigned.mail.given.up");
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
        for (int read = batch; read == batch; ) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (System.nanoTime() - head > HEAD_AGAIN.toNanos()) {
                last = null;
                head = System.nanoTime();
            }
            OutboxRepository.Queued after = last;
            OutboxRepository.Claim claim = QuarkusTransaction.requiringNew()
                    .call(() -> repository.claim(now, now.plus(config.lease()), batch, after));
            givenUp.increment(claim.givenUp());
            read = claim.read();
            List<OutboxRepository.Queued> queued = claim.queued();
            if (!queued.isEmpty() && !send(queued)) {
                relayDownSince = System.nanoTime();
                return;
            }
            last = queued.isEmpty() ? last : queued.get(queued.size() - 1);
        }
    }

    /**
     * Sends a round over as many connections as configured, each recipient's mails on one connection in the order
     * they were queued (a receipt after its confirmation). Outcomes are recorded in groups as they come, so one slow
     * message holds back only itself. Once the relay is found unreachable, the rest of the round is not tried (a
     * relay that never answers would otherwise hold the round for a send timeout per message). True when the relay
     * took or refused at least one message.
     */
    private boolean send(List<OutboxRepository.Queued> queued) {
        Map<Long, OutboxRepository.Queued> byId = new HashMap<>();
        Map<String, List<SmtpConnection.Outgoing>> byRecipient = new LinkedHashMap<>();
        ZonedDateTime date = ZonedDateTime.now(ZoneOffset.UTC);
        for (OutboxRepository.Queued m : queued) {
            byId.put(m.id(), m);
            byRecipient
                    .computeIfAbsent(m.recipient(), k -> new ArrayList<>())
                    .add(new SmtpConnection.Outgoing(m.id(), sender, m.recipient(), write(m, date)));
        }
        BlockingQueue<SmtpConnection.Result> results = new LinkedBlockingQueue<>();
        if (mock) { // dev mode: nothing leaves the machine (the log and /dev/mail show it)
            byRecipient
                    .values()
                    .forEach(mails -> mails.forEach(m -> {
                        LOG.infof(
                                "Mail not sent (mock relay), %s:%n%s",
                                byId.get(m.id()).subject(), byId.get(m.id()).text());
                        results.add(new SmtpConnection.Result.Delivered(m.id()));
                    }));
        } else {
            AtomicBoolean down = new AtomicBoolean();
            relay.deliver(
                    byRecipient.values(),
                    r -> {
                        down.compareAndSet(false, r instanceof SmtpConnection.Result.Unanswered);
                        results.add(r);
                    },
                    down::get);
        }
        return recordAsTheyCome(results, byId);
    }

    /**
     * Records results in groups of {@link #GROUP}, or what came in {@link #GROUP_WAIT}, until every message of the
     * round has one or its lease ends. True when the relay took or refused at least one message.
     */
    private boolean recordAsTheyCome(
            BlockingQueue<SmtpConnection.Result> results, Map<Long, OutboxRepository.Queued> round) {
        boolean reached = false;
        long deadline = System.nanoTime() + config.lease().toNanos();
        List<Outcome> group = new ArrayList<>();
        long groupStart = System.nanoTime();
        for (int done = 0; done < round.size() && System.nanoTime() < deadline; ) {
            SmtpConnection.Result r;
            try {
                r = results.poll(GROUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (r != null) {
                group.add(outcome(r, round.get(r.id())));
                done++;
            }
            boolean full = group.size() >= GROUP || done == round.size();
            if (!group.isEmpty() && (full || System.nanoTime() - groupStart >= GROUP_WAIT.toNanos())) {
                reached |= record(group);
                group = new ArrayList<>();
                groupStart = System.nanoTime();
            }
        }
        if (!group.isEmpty()) {
            reached |= record(group);
        }
        return reached; // what has no result yet is claimed again once its lease ends
    }

    private Outcome outcome(SmtpConnection.Result r, OutboxRepository.Queued m) {
        if (r instanceof SmtpConnection.Result.Refused f) {
            return new Outcome.Refused(
                    f.id(), m.attempts() + 1, "SMTP " + f.reply().code());
        }
        if (r instanceof SmtpConnection.Result.Unanswered u) {
            return new Outcome.Unreachable(u.id(), describe(u.cause()));
        }
        if (devMailbox.enabled()) { // dev mode only: no copy of every sent mail is built in production
            devMailbox.record(new Mail(m.recipient(), m.subject(), m.text(), m.html()).inLanguage(m.language()));
        }
        return new Outcome.Sent(r.id());
    }

    /** The message as the relay receives it; the body is the one rendered when the mail was queued. */
    private String write(OutboxRepository.Queued m, ZonedDateTime date) {
        return MessageWriter.write(
                new MessageWriter.Headers(
                        from,
                        m.recipient(),
                        m.subject(),
                        "<outbox-" + m.id() + "@" + host + ">",
                        m.language(),
                        m.listUnsubscribe(),
                        date),
                m.text(),
                m.html());
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
            repository.commitWithoutWaiting();
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

    /** The error without anything from the message: the exception's kind and our own words, never a relay's text. */
    private static String describe(Throwable e) {
        return e instanceof IOException && e.getMessage() != null
                ? e.getMessage()
                : e.getClass().getSimpleName();
    }
}
