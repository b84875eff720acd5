package org.undersigned.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP relay that refuses: every recipient whose address starts with {@code refusedPrefix} gets "550 5.1.1 no
 * such mailbox" (a permanent refusal, as a real relay gives for a mistyped address); for any other recipient it
 * drops the connection, which a sender must take for an outage (so a test's refusals never cost another test its
 * mail). Made {@link #acceptingOthers}, it takes everyone else's mail instead. It speaks just enough ESMTP,
 * pipelining included, for a real client, and keeps the commands it was sent.
 */
public final class RefusingRelay implements AutoCloseable {

    private final ServerSocket server;
    private final String refusedPrefix;
    private final ExecutorService sessions = Executors.newCachedThreadPool();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final boolean acceptOthers;

    public RefusingRelay(int port, String refusedPrefix) {
        this(port, refusedPrefix, false);
    }

    private RefusingRelay(int port, String refusedPrefix, boolean acceptOthers) {
        this.refusedPrefix = refusedPrefix;
        this.acceptOthers = acceptOthers;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sessions.execute(this::accept);
    }

    /** A relay that refuses the recipients starting with {@code refusedPrefix} and takes every other one's mail. */
    public static RefusingRelay acceptingOthers(int port, String refusedPrefix) {
        return new RefusingRelay(port, refusedPrefix, true);
    }

    /** How many messages were taken so far (only when accepting others). */
    public int accepted() {
        return accepted.get();
    }

    /** The command words received so far (MAIL, RCPT, DATA, RSET...), in order, over all sessions. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** How many recipients were refused so far. */
    public int refusals() {
        return refusals.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setSoLinger(true, 0); // closed with a reset: no TIME_WAIT keeps the port from the next server
                sessions.execute(() -> session(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void session(Socket socket) {
        try (socket;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 refusing relay ESMTP");
            boolean refusedRecipient = false;
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                commands.add(command);
                switch (command) {
                    case "EHLO" -> reply(out, "250-refusing relay\r\n250-PIPELINING\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> {
                        String to = line.substring(line.indexOf(':') + 1).replaceAll("[<>\\s]", "");
                        refusedRecipient = to.startsWith(refusedPrefix);
                        if (refusedRecipient) {
                            refusals.incrementAndGet();
                            reply(out, "550 5.1.1 no such mailbox");
                        } else if (acceptOthers) {
                            reply(out, "250 OK");
                        } else {
                            return; // an outage, for everyone else's mail
                        }
                    }
                    case "DATA" -> {
                        if (refusedRecipient) {
                            reply(out, "554 5.5.1 no valid recipients");
                        } else {
                            reply(out, "354 go ahead");
                            while (!".".equals(line = in.readLine())) {
                                if (line == null) {
                                    return;
                                }
                            }
                            accepted.incrementAndGet();
                            reply(out, "250 2.0.0 queued");
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 command not recognised");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sessions.shutdownNow();
    }
}
