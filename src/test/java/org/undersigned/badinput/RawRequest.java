package org.undersigned.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte over a plain socket: unlike Java's HTTP clients it can carry NUL,
 * raw UTF-8 and broken values in the request line and headers, which is what the suite needs to send.
 *
 * @param handler the resource method ({@code Class.method}) the request is aimed at
 * @param target the request target exactly as sent (already percent-encoded, or deliberately not)
 */
record RawRequest(String handler, String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

    /** Sends the request and returns the status code, or 0 when the server closed the connection without one. */
    int send(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head());
            out.write(body);
            out.flush();
            return status(socket.getInputStream());
        }
    }

    private byte[] head() {
        StringBuilder head =
                new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: localhost\r\nConnection: close\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the status line's code, then drains the answer so the server can finish writing it. */
    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        in.transferTo(OutputStream.nullOutputStream());
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).split(" ");
        return parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
    }

    /** For a failure message: the request, with long parts cut. */
    String describe() {
        return handler + ": " + method + " " + cut(target) + " headers=" + cut(headers.toString()) + " body="
                + cut(new String(body, StandardCharsets.UTF_8));
    }

    private static String cut(String s) {
        String shown = s.replace("\u0000", "\\0");
        return shown.length() > 300 ? shown.substring(0, 300) + "...(" + shown.length() + " chars)" : shown;
    }
}
