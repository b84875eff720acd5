package org.undersigned.mail;

import io.vertx.core.Future;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One client connection to the relay (RFC 5321). When the relay offers PIPELINING (RFC 2920), a message's envelope
 * (MAIL, RCPT, DATA) goes in one write, and in the same write as the previous message's content, so each message
 * costs one round trip and two writes; otherwise commands go one at a time. Replies are matched to commands in the
 * order they were sent ({@link SmtpWire}). Used from its socket's event loop only.
 */
final class SmtpConnection {

    /** A message to send: the envelope's addresses and the DATA text ({@link MessageWriter}). */
    record Outgoing(long id, String sender, String recipient, String data) {}

    /** What became of one message on this connection. */
    sealed interface Result {
        long id();

        record Delivered(long id) implements Result {}

        /** The relay refused the message with this reply. */
        record Refused(long id, SmtpWire.Reply reply) implements Result {}

        /** No answer: the connection failed or timed out, or the message was not tried after such a failure. */
        record Unanswered(long id, Throwable cause) implements Result {}
    }

    /** How the relay greeted us. */
    record Capabilities(boolean pipelining, boolean startTls, List<String> auth) {}

    private final SmtpWire wire;
    private Capabilities capabilities = new Capabilities(false, false, List.of());
    /** A MAIL command was accepted and no end of data followed: the next envelope starts with RSET. */
    private boolean inTransaction;

    SmtpConnection(NetSocket socket) {
        this.wire = new SmtpWire(socket);
    }

    boolean open() {
        return wire.open();
    }

    Capabilities capabilities() {
        return capabilities;
    }

    /** The relay's greeting (RFC 5321 section 4.3.1: 220); registered before the first bytes can arrive. */
    Future<SmtpWire.Reply> greeting() {
        return wire.expect();
    }

    /** EHLO, or HELO where EHLO is not known (RFC 5321 section 4.1.1.1); reads the offered extensions. */
    Future<SmtpWire.Reply> hello(String name) {
        return command("EHLO " + name).compose(ehlo -> {
            if (!ehlo.positive()) {
                capabilities = new Capabilities(false, false, List.of());
                return command("HELO " + name);
            }
            boolean pipelining = false;
            boolean startTls = false;
            List<String> auth = new ArrayList<>();
            for (String line : ehlo.text().split("\n")) {
                String[] words = line.trim().toUpperCase(Locale.ROOT).split("[ =]+");
                switch (words[0]) {
                    case "PIPELINING" -> pipelining = true;
                    case "STARTTLS" -> startTls = true;
                    case "AUTH" -> auth.addAll(List.of(words).subList(1, words.length));
                    default -> {}
                }
            }
            capabilities = new Capabilities(pipelining, startTls, List.copyOf(auth));
            return Future.succeededFuture(ehlo);
        });
    }

    /** STARTTLS (RFC 3207): after the relay's 220 the socket becomes TLS, checked against {@code serverName}. */
    Future<Void> startTls(String serverName) {
        return command("STARTTLS")
                .compose(r -> r.code() == 220
                        ? wire.upgradeToSsl(serverName)
                        : Future.failedFuture(new IOException("STARTTLS refused: " + r.code())));
    }

    /** AUTH PLAIN (RFC 4616) where offered, else AUTH LOGIN; 235 is success (RFC 4954). */
    Future<Void> authenticate(String user, String password) {
        Future<SmtpWire.Reply> done;
        if (capabilities.auth().contains("PLAIN")) {
            done = command("AUTH PLAIN " + base64("\0" + user + "\0" + password));
        } else if (capabilities.auth().contains("LOGIN")) {
            done = command("AUTH LOGIN")
                    .compose(r -> r.code() == 334 ? command(base64(user)) : Future.succeededFuture(r))
                    .compose(r -> r.code() == 334 ? command(base64(password)) : Future.succeededFuture(r));
        } else {
            return Future.failedFuture(new IOException("the relay offers neither AUTH PLAIN nor AUTH LOGIN"));
        }
        return done.compose(r -> r.code() == 235
                ? Future.succeededFuture()
                : Future.failedFuture(new IOException("authentication refused: " + r.code())));
    }

    /**
     * Sends the messages in order and reports each one's result as it comes. Stops trying (reporting the rest as
     * unanswered) once the connection fails or, after the first message, {@code stop} says so. Completes when every
     * message has a result.
     */
    Future<Void> deliver(List<Outgoing> messages, Consumer<Result> results, BooleanSupplier stop) {
        return step(messages, 0, null, results, stop);
    }

    /** {@code envelope}: the replies to message {@code i}'s envelope when it was sent ahead, else null. */
    private Future<Void> step(
            List<Outgoing> messages,
            int i,
            Future<List<SmtpWire.Reply>> envelope,
            Consumer<Result> results,
            BooleanSupplier stop) {
        if (i == messages.size()) {
            return Future.succeededFuture();
        }
        Outgoing m = messages.get(i);
        // a lane's first message is always tried, as every lane's is at once: one lane finding the relay down must
        // not keep a refusal from being counted on another
        if (envelope == null && (i > 0 && stop.getAsBoolean() || !open())) {
            unanswered(messages, i, open() ? new IOException("not tried") : wire.closed(), results);
            return Future.succeededFuture();
        }
        boolean reset = envelope == null && inTransaction;
        Future<List<SmtpWire.Reply>> sent = envelope != null ? envelope : envelope(m);
        return sent.transform(replied -> {
            if (replied.failed()) {
                unanswered(messages, i, replied.cause(), results);
                close(replied.cause());
                return Future.succeededFuture();
            }
            List<SmtpWire.Reply> replies = replied.result();
            SmtpWire.Reply refusal =
                    replies.stream().filter(r -> !r.positive()).findFirst().orElse(null);
            SmtpWire.Reply data = replies.get(replies.size() - 1);
            int mail = reset ? 1 : 0;
            inTransaction = replies.size() > mail && replies.get(mail).positive() && data.code() != 354;
            if (refusal == null && data.code() == 354) {
                return content(messages, i, results, stop);
            }
            if (data.code() == 354) { // a relay that takes DATA after refusing the recipient gets an empty message
                return command(".").transform(end -> {
                    results.accept(new Result.Refused(m.id(), refusal));
                    return step(messages, i + 1, null, results, stop);
                });
            }
            results.accept(new Result.Refused(m.id(), refusal == null ? data : refusal));
            return step(messages, i + 1, null, results, stop);
        });
    }

    /** The content of message {@code i} with, when pipelining, the next message's envelope in the same write. */
    private Future<Void> content(List<Outgoing> messages, int i, Consumer<Result> results, BooleanSupplier stop) {
        Outgoing m = messages.get(i);
        boolean ahead = capabilities.pipelining() && i + 1 < messages.size() && !stop.getAsBoolean();
        Outgoing next = ahead ? messages.get(i + 1) : null;
        StringBuilder text = new StringBuilder(m.data().length() + 200).append(m.data());
        if (!m.data().endsWith("\r\n")) {
            text.append("\r\n");
        }
        text.append(".\r\n"); // RFC 5321 section 4.1.1.4: the end of mail data
        if (ahead) {
            appendEnvelope(text, next, false);
        }
        List<Future<SmtpWire.Reply>> replies = write(text.toString(), ahead ? 4 : 1);
        Future<List<SmtpWire.Reply>> nextEnvelope = ahead ? all(replies.subList(1, replies.size())) : null;
        inTransaction = false;
        return replies.get(0).transform(end -> {
            if (end.failed()) {
                unanswered(messages, i, end.cause(), results);
                close(end.cause());
                return Future.succeededFuture();
            }
            results.accept(
                    end.result().positive() ? new Result.Delivered(m.id()) : new Result.Refused(m.id(), end.result()));
            return step(messages, i + 1, nextEnvelope, results, stop);
        });
    }

    /** MAIL, RCPT and DATA (after RSET if a refused transaction is open): at once, or one by one without pipelining. */
    private Future<List<SmtpWire.Reply>> envelope(Outgoing m) {
        boolean reset = inTransaction;
        if (capabilities.pipelining()) {
            StringBuilder text = new StringBuilder(128);
            appendEnvelope(text, m, reset);
            return all(write(text.toString(), reset ? 4 : 3));
        }
        List<String> commands = new ArrayList<>(4);
        if (reset) {
            commands.add("RSET");
        }
        commands.add("MAIL FROM:<" + m.sender() + ">");
        commands.add("RCPT TO:<" + m.recipient() + ">");
        commands.add("DATA");
        return oneByOne(commands, 0, new ArrayList<>());
    }

    private Future<List<SmtpWire.Reply>> oneByOne(List<String> commands, int i, List<SmtpWire.Reply> replies) {
        if (i == commands.size()) {
            return Future.succeededFuture(replies);
        }
        return command(commands.get(i)).compose(r -> {
            replies.add(r);
            return r.positive() ? oneByOne(commands, i + 1, replies) : Future.succeededFuture(replies);
        });
    }

    private static void appendEnvelope(StringBuilder text, Outgoing m, boolean reset) {
        if (reset) {
            text.append("RSET\r\n");
        }
        text.append("MAIL FROM:<").append(m.sender()).append(">\r\n");
        text.append("RCPT TO:<").append(m.recipient()).append(">\r\n");
        text.append("DATA\r\n");
    }

    /** Ends the session politely (QUIT) and closes the socket. */
    void quit() {
        if (open()) {
            command("QUIT").onComplete(r -> close(new IOException("closed")));
        }
    }

    void close(Throwable cause) {
        wire.close(cause);
    }

    private Future<SmtpWire.Reply> command(String line) {
        return wire.command(line);
    }

    private List<Future<SmtpWire.Reply>> write(String text, int replies) {
        return wire.write(text, replies);
    }

    private static void unanswered(List<Outgoing> messages, int from, Throwable cause, Consumer<Result> results) {
        for (int i = from; i < messages.size(); i++) {
            results.accept(new Result.Unanswered(messages.get(i).id(), cause));
        }
    }

    private static Future<List<SmtpWire.Reply>> all(List<Future<SmtpWire.Reply>> replies) {
        return Future.all(replies)
                .map(all -> replies.stream().map(Future::result).toList());
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
