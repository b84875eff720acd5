package org.undersigned.mail;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMTP connection's socket: text written in one go, and the relay's replies handed, in order, to the commands
 * that wait for them (RFC 5321 section 4.2). Once the socket fails or closes, every waiting and later command fails
 * with the same cause. Used from its socket's event loop only.
 */
final class SmtpWire {

    /** A reply: its code and text (the lines of a multi-line reply joined by newlines). */
    record Reply(int code, String text) {
        boolean positive() {
            return code >= 200 && code < 400;
        }
    }

    private final NetSocket socket;
    private final ArrayDeque<Promise<Reply>> waiting = new ArrayDeque<>();
    private final StringBuilder continued = new StringBuilder();
    private Throwable closed;

    SmtpWire(NetSocket socket) {
        this.socket = socket;
        RecordParser lines = RecordParser.newDelimited("\r\n", this::line).maxRecordSize(64 * 1024);
        lines.exceptionHandler(this::close);
        socket.handler(lines);
        socket.exceptionHandler(this::close);
        socket.closeHandler(v -> fail(new IOException("connection closed")));
    }

    boolean open() {
        return closed == null;
    }

    /** Why the connection ended; null while it is open. */
    Throwable closed() {
        return closed;
    }

    Future<Reply> command(String line) {
        return write(line + "\r\n", 1).get(0);
    }

    /** Writes the text in one go and returns the futures of the next {@code replies} replies. */
    List<Future<Reply>> write(String text, int replies) {
        List<Future<Reply>> futures = new ArrayList<>(replies);
        for (int r = 0; r < replies; r++) {
            futures.add(expect());
        }
        if (open()) {
            socket.write(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
        }
        return futures;
    }

    /** The next reply, for a command already sent or none at all (the greeting). */
    Future<Reply> expect() {
        if (!open()) {
            return Future.failedFuture(closed);
        }
        Promise<Reply> reply = Promise.promise();
        waiting.add(reply);
        return reply.future();
    }

    Future<Void> upgradeToSsl(String serverName) {
        return socket.upgradeToSsl(serverName);
    }

    void close(Throwable cause) {
        fail(cause);
        socket.close();
    }

    /** RFC 5321 section 4.2.1: "250-" continues a reply, "250 " (or "250") ends it. */
    private void line(Buffer buffer) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(c -> c >= '0' && c <= '9')) {
            close(new IOException("not an SMTP reply"));
            return;
        }
        if (line.length() > 3 && line.charAt(3) == '-') {
            continued.append(line, 4, line.length()).append('\n');
            return;
        }
        String text = continued + (line.length() > 4 ? line.substring(4) : "");
        continued.setLength(0);
        Promise<Reply> reply = waiting.poll();
        if (reply == null) { // unasked, such as "421 timeout" before the relay closes: the connection is done
            close(new IOException("the relay said " + line.substring(0, 3)));
            return;
        }
        reply.complete(new Reply(Integer.parseInt(line.substring(0, 3)), text));
    }

    private void fail(Throwable cause) {
        if (closed == null) {
            closed = cause;
        }
        for (Promise<Reply> reply; (reply = waiting.poll()) != null; ) {
            reply.tryFail(cause);
        }
    }
}
