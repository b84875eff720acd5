package org.undersigned.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.undersigned.support.RefusingRelay;

/**
 * The client side of SMTP against real relays: Postfix's smtp-sink (pipelining, or not when told so) and a relay
 * that refuses some recipients, GreenMail over TLS with a password. Messages arrive whole, each exactly once; a
 * refusal in a pipelined session costs only its own message; a relay that never answers, or refuses our credentials,
 * is an outage.
 */
class SmtpRelayTest {

    private static final String SMTP_SINK = "/usr/sbin/smtp-sink"; // Debian's postfix package (.ci/run installs it)
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static SmtpRelay relay(int port, int connections, Duration timeout) {
        return new SmtpRelay(
                vertx,
                new SmtpRelay.Settings(
                        "127.0.0.1",
                        port,
                        false,
                        "DISABLED",
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        connections,
                        timeout),
                "letters.example");
    }

    /** Over TLS from the first byte, signed in; GreenMail's certificate is its own, so trusted as such. */
    private static SmtpRelay tlsRelay(int port, String user, String password) {
        return new SmtpRelay(
                vertx,
                new SmtpRelay.Settings(
                        "127.0.0.1",
                        port,
                        true,
                        "DISABLED",
                        Optional.of(user),
                        Optional.of(password),
                        true,
                        2,
                        Duration.ofSeconds(10)),
                "letters.example");
    }

    private static SmtpConnection.Outgoing message(long id, String to) {
        String data = MessageWriter.write(
                new MessageWriter.Headers(
                        "Undersigned <no-reply@letters.example>",
                        to,
                        "Message " + id,
                        "<outbox-" + id + "@letters.example>",
                        "en",
                        null,
                        ZonedDateTime.now(ZoneOffset.UTC)),
                "Text of message " + id + "\n.\nwith a lone dot above",
                "<p>HTML of message " + id + "</p>");
        return new SmtpConnection.Outgoing(id, "no-reply@letters.example", to, data);
    }

    /** Sends the lanes and waits for every result, by message id. */
    private static Map<Long, SmtpConnection.Result> deliver(
            SmtpRelay relay, List<List<SmtpConnection.Outgoing>> lanes) {
        Map<Long, SmtpConnection.Result> results = new ConcurrentHashMap<>();
        relay.deliver(
                        lanes,
                        r -> assertThat(results.put(r.id(), r))
                                .as("one result per message")
                                .isNull(),
                        () -> false)
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(60, TimeUnit.SECONDS)
                .join();
        return results;
    }

    private static List<List<SmtpConnection.Outgoing>> lanes(int lanes, int perLane) {
        return IntStream.range(0, lanes)
                .mapToObj(l -> IntStream.range(0, perLane)
                        .mapToObj(i -> message(l * 1000L + i, "reader" + l + "-" + i + "@example.org"))
                        .toList())
                .toList();
    }

    @Test
    void aPipeliningRelayReceivesEveryMessageWholeAndOnce() throws Exception {
        assertSinkReceivesAll(List.of());
    }

    @Test
    void aRelayWithoutPipeliningIsSpokenToOneCommandAtATime() throws Exception {
        assertSinkReceivesAll(List.of("-p")); // smtp-sink -p: PIPELINING not offered
    }

    private void assertSinkReceivesAll(List<String> options) throws Exception {
        Path dir = Files.createTempDirectory("smtp-sink");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // smtp-sink runs as nobody
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(SMTP_SINK, "-u", "nobody", "-d", dir + "/%H%M%S."));
        command.addAll(options);
        command.addAll(List.of("127.0.0.1:" + port, "64"));
        Process sink = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            awaitListening(port);
            Map<Long, SmtpConnection.Result> results = deliver(relay(port, 4, Duration.ofSeconds(10)), lanes(4, 50));

            assertThat(results).hasSize(200);
            assertThat(results.values()).allMatch(r -> r instanceof SmtpConnection.Result.Delivered);
            List<MimeMessage> received = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        received.add(new MimeMessage(Session.getInstance(new Properties()), in));
                    }
                }
            }
            Map<String, MimeMessage> byId = new ConcurrentHashMap<>();
            for (MimeMessage m : received) {
                assertThat(byId.put(m.getMessageID(), m)).as("received once").isNull();
            }
            assertThat(byId).hasSize(200);
            MimeMessage one = byId.get("<outbox-2017@letters.example>");
            assertThat(one.getHeader("X-Rcpt-Args")[0]).contains("reader2-17@example.org");
            assertThat(one.getSubject()).isEqualTo("Message 2017");
            assertThat(org.undersigned.support.MailParts.text(one).replace("\r\n", "\n"))
                    .isEqualTo("Text of message 2017\n.\nwith a lone dot above");
        } finally {
            sink.destroy();
            sink.waitFor(5, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aRefusedRecipientInAPipelinedSessionCostsOnlyItsOwnMessage() {
        int port = freePort();
        try (RefusingRelay relay = RefusingRelay.acceptingOthers(port, "gone")) {
            List<SmtpConnection.Outgoing> lane = List.of(
                    message(1, "ada@example.org"),
                    message(2, "gone-1@example.org"),
                    message(3, "bob@example.org"),
                    message(4, "gone-2@example.org"),
                    message(5, "gone-3@example.org"),
                    message(6, "cy@example.org"));
            Map<Long, SmtpConnection.Result> results = deliver(relay(port, 1, Duration.ofSeconds(10)), List.of(lane));

            assertThat(results.entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey,
                                    e -> e.getValue().getClass().getSimpleName())))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            1L,
                            "Delivered",
                            2L,
                            "Refused",
                            3L,
                            "Delivered",
                            4L,
                            "Refused",
                            5L,
                            "Refused",
                            6L,
                            "Delivered"));
            assertThat(((SmtpConnection.Result.Refused) results.get(2L)).reply().code())
                    .isEqualTo(550);
            assertThat(relay.accepted()).isEqualTo(3);
            // the refused transactions were reset before the next one; one session carried all six
            assertThat(String.join(" ", relay.commands()))
                    .isEqualTo("EHLO MAIL RCPT DATA MAIL RCPT DATA RSET MAIL RCPT DATA MAIL RCPT DATA RSET MAIL RCPT "
                            + "DATA RSET MAIL RCPT DATA");
        }
    }

    @Test
    void overTlsWithCredentialsMailIsTakenAndWithWrongOnesItWaitsAsForAnOutage() throws Exception {
        int port = freePort();
        GreenMail relay = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS))
                .withConfiguration(
                        GreenMailConfiguration.aConfig().withUser("sender@letters.example", "sender", "s3cret"));
        relay.start();
        try {
            Map<Long, SmtpConnection.Result> refused = deliver(tlsRelay(port, "sender", "wrong"), lanes(1, 2));
            assertThat(refused.values()).allMatch(r -> r instanceof SmtpConnection.Result.Unanswered);
            assertThat(relay.getReceivedMessages()).isEmpty();

            Map<Long, SmtpConnection.Result> sent = deliver(tlsRelay(port, "sender", "s3cret"), lanes(2, 3));
            assertThat(sent.values()).hasSize(6).allMatch(r -> r instanceof SmtpConnection.Result.Delivered);
            assertThat(relay.getReceivedMessages()).hasSize(6);
        } finally {
            relay.stop();
        }
    }

    @Test
    void aRelayThatNeverAnswersIsAnOutageWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            serve(silent, accepted::add); // and never a word
            Map<Long, SmtpConnection.Result> results =
                    deliver(relay(silent.getLocalPort(), 2, Duration.ofSeconds(1)), lanes(2, 3));

            assertThat(results).hasSize(6);
            assertThat(results.values()).allMatch(r -> r instanceof SmtpConnection.Result.Unanswered);
        }
    }

    @Test
    void aServerThatDoesNotSpeakSmtpIsAnOutage() throws Exception {
        try (ServerSocket garbled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            serve(garbled, s -> {
                s.getOutputStream().write("2x0 hello, this is not SMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            });
            // a timeout longer than deliver's wait: only recognising the garbage as such ends this in time
            Map<Long, SmtpConnection.Result> results =
                    deliver(relay(garbled.getLocalPort(), 2, Duration.ofMinutes(2)), lanes(2, 2));

            assertThat(results).hasSize(4);
            assertThat(results.values()).allMatch(r -> r instanceof SmtpConnection.Result.Unanswered);
        }
    }

    /** What a test server does with each connection it accepts. */
    private interface Greeting {
        void greet(Socket socket) throws IOException;
    }

    /** Accepts connections on {@code server} until it is closed, handing each to {@code greeting}. */
    private static void serve(ServerSocket server, Greeting greeting) {
        new Thread(() -> {
                    try {
                        while (true) {
                            greeting.greet(server.accept());
                        }
                    } catch (IOException e) {
                        // closed
                    }
                })
                .start();
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("smtp-sink did not listen on " + port);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
