import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A witness for Undersigned logs that anyone can run (a newspaper, a university): JDK 17 only, one file.
 *
 * <pre>
 *   java witness/Witness.java --name news.example/witness --dir witness-data --listen 127.0.0.1:7380 \
 *        --host https://letters.example.org
 * </pre>
 *
 * It follows hosts: each letter of a host is a log with its own origin, whose key the witness pins at first sight
 * from the host's {@code /.well-known/undersigned/keys}; a letter added later is picked up the same way. A log's key
 * changes only by a rotation statement signed by the pinned key and the new one (read from the host's
 * {@code /log/<slug>/key-rotations}); any other key for a known origin is refused and reported. It answers {@code POST /add-checkpoint} as C2SP
 * tlog-witness says and cosigns with cosignature/v1 (Ed25519, tlog-cosignature). Per origin it keeps the latest
 * cosigned size and root in {@code <dir>/state.properties}, written atomically before it answers, never rolled back.
 * {@code GET /checkpoint?origin=<origin>} serves that latest cosigned checkpoint with the cosignature, so that a
 * journalist can ask the witness for its view without going through the host ({@code Verify.java --ask}); C2SP
 * tlog-witness leaves its monitor retrieval mechanism to be designed ("TBD"), so this read is this program's own.
 * The key's seed is kept in {@code <dir>/witness.key} (made on first start); its verifier key is printed at start,
 * for journalists to get from the operator, never from the host.
 */
public class Witness {

    static final HexFormat HEX = HexFormat.of();
    static final byte[] PKCS8_PREFIX = HEX.parseHex("302e020100300506032b657004220420");
    static final byte[] SPKI_PREFIX = HEX.parseHex("302a300506032b6570032100");
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    // tlog-witness §add-checkpoint: "The client MUST NOT send more than 63 consistency proof lines"
    static final int MAX_PROOF = 63;
    static final Duration REFRESH = Duration.ofSeconds(10);

    final String name;
    final byte[] seed;
    final byte[] publicKey;
    final byte[] keyId;
    final Path dir;
    final List<String> hosts;
    final Properties state = new Properties();
    Instant lastRefresh = Instant.EPOCH;

    Witness(String name, Path dir, List<String> hosts) throws Exception {
        this.name = name;
        this.dir = Files.createDirectories(dir);
        this.hosts = hosts;
        Path keyFile = dir.resolve("witness.key");
        if (!Files.exists(keyFile)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n");
        }
        this.seed = Base64.getDecoder().decode(Files.readString(keyFile).strip());
        this.publicKey = publicKeyOf(seed);
        // tlog-cosignature §Format: key ID = SHA-256(<name> || "\n" || 0x04 || 32-byte public key)[:4]
        this.keyId = Arrays.copyOf(sha256((name + "\n").getBytes(UTF_8), new byte[] {0x04}, publicKey), 4);
        Path file = dir.resolve("state.properties");
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                state.load(in);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.keySet().containsAll(List.of("--name", "--dir", "--listen", "--host"))) {
            System.err.println("usage: java witness/Witness.java --name <key name> --dir <state dir> "
                    + "--listen <address:port> --host <https://host> [--host ...]");
            System.exit(2);
        }
        Witness witness = new Witness(
                options.get("--name").get(0), Path.of(options.get("--dir").get(0)), options.get("--host"));
        String[] listen = options.get("--listen").get(0).split(":");
        HttpServer server = HttpServer.create(new InetSocketAddress(listen[0], Integer.parseInt(listen[1])), 64);
        server.createContext("/add-checkpoint", witness::handle);
        server.createContext("/checkpoint", witness::latest);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("witness key: " + witness.verifierKey());
        System.out.println("listening on " + options.get("--listen").get(0) + ", following " + witness.hosts);
    }

    /** The verifier key text to publish: name+hex(key ID)+base64(0x04 || public key). */
    String verifierKey() {
        byte[] typed = new byte[33];
        typed[0] = 0x04;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + HEX.formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                reply(exchange, 405, "text/plain", "POST only\n");
                return;
            }
            Answer answer;
            try {
                answer = addCheckpoint(exchange.getRequestBody().readNBytes(1 << 20));
            } catch (Refused e) {
                answer = new Answer(e.status, "text/plain; charset=utf-8", e.getMessage() + "\n");
            } catch (Exception e) {
                System.err.println("error: " + e);
                answer = new Answer(500, "text/plain", "internal error\n");
            }
            reply(exchange, answer.status, answer.type, answer.body);
        }
    }

    record Answer(int status, String type, String body) {}

    /** GET /checkpoint?origin=...: the latest checkpoint cosigned for that origin, the cosignature included. */
    void latest(HttpExchange exchange) throws IOException {
        try (exchange) {
            // read-only and public: a verify page on any host may ask
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            String query = exchange.getRequestURI().getRawQuery();
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                reply(exchange, 405, "text/plain", "GET only\n");
            } else if (!exchange.getRequestURI().getPath().equals("/checkpoint")
                    || query == null
                    || !query.startsWith("origin=")) {
                reply(exchange, 400, "text/plain", "GET /checkpoint?origin=<the log's origin>\n");
            } else {
                String origin = java.net.URLDecoder.decode(query.substring("origin=".length()), UTF_8);
                String note;
                synchronized (this) {
                    note = state.getProperty("note." + origin);
                }
                if (note == null) {
                    reply(exchange, 404, "text/plain", "no checkpoint cosigned for " + origin + "\n");
                } else {
                    exchange.getResponseHeaders().set("Cache-Control", "no-store");
                    reply(exchange, 200, "text/plain; charset=utf-8", note);
                }
            }
        }
    }

    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** One submission, checked in the order tlog-witness §add-checkpoint gives. */
    Answer addCheckpoint(byte[] raw) throws Exception {
        String body = new String(raw, UTF_8);
        int blank = body.indexOf("\n\n");
        if (blank < 0) throw new Refused(400, "a body is an old size line, proof lines, a blank line, a checkpoint");
        String[] head = body.substring(0, blank).split("\n", -1);
        // tlog-witness §add-checkpoint: "old", a space, a decimal size with no leading zeroes
        if (!head[0].matches("old (0|[1-9][0-9]{0,18})")) throw new Refused(400, "the first line is old <size>");
        long old = Long.parseLong(head[0].substring(4));
        if (head.length - 1 > MAX_PROOF) throw new Refused(400, "more than 63 consistency proof lines");
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < head.length; i++) proof.add(hash(head[i]));
        String note = body.substring(blank + 2);
        int end = note.indexOf("\n\n");
        if (end < 0 || !note.endsWith("\n")) throw new Refused(400, "the checkpoint is a signed note");
        String text = note.substring(0, end + 1);
        String[] lines = text.split("\n");
        // tlog-checkpoint: origin, decimal tree size, base64 root hash, then any extension lines
        if (lines.length < 3 || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new Refused(400, "a checkpoint is an origin, a tree size and a root hash");
        }
        String origin = lines[0];
        long size = Long.parseLong(lines[1]);
        byte[] root = hash(lines[2]);
        String key = logKey(origin);
        if (key == null) throw new Refused(404, "unknown log " + origin);
        String logSignature = signedBy(key, text, note.substring(end + 2));
        if (logSignature == null) { // perhaps the log's key rotated: only a statement by the pinned key moves it
            logSignature = rotated(origin, key, text, note.substring(end + 2));
        }
        if (logSignature == null) {
            throw new Refused(403, "no signature by the log's key " + key.split("\\+")[0] + " verifies");
        }
        if (old > size) throw new Refused(400, "old size " + old + " is larger than the checkpoint's " + size);
        synchronized (this) {
            // check and update under one lock (and a file lock, for a second process on the same directory)
            try (FileChannel lock = FileChannel.open(
                            dir.resolve("state.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    var held = lock.lock()) {
                long latest = Long.parseLong(state.getProperty("size." + origin, "0"));
                byte[] latestRoot = state.containsKey("root." + origin)
                        ? Base64.getDecoder().decode(state.getProperty("root." + origin))
                        : null;
                if (old != latest) return new Answer(409, "text/x.tlog.size", latest + "\n");
                if (old == size) {
                    if (latestRoot != null && !Arrays.equals(latestRoot, root)) {
                        return new Answer(409, "text/x.tlog.size", latest + "\n");
                    }
                } else if (old == 0 ? !proof.isEmpty() : !consistent(old, size, latestRoot, root, proof)) {
                    System.err.println("ALARM: " + origin + " offered size " + size + " not consistent with " + old);
                    throw new Refused(422, "the consistency proof from " + old + " to " + size + " does not verify");
                }
                String cosignature = cosign(text);
                state.setProperty("size." + origin, Long.toString(size));
                state.setProperty("root." + origin, Base64.getEncoder().encodeToString(root));
                // what GET /checkpoint serves: the checkpoint, the log's signature and this cosignature
                state.setProperty("note." + origin, text + "\n" + logSignature + "\n" + cosignature + "\n");
                persist();
                return new Answer(200, "text/plain; charset=utf-8", cosignature + "\n");
            }
        }
    }

    /** The signature line: base64(key ID || u64 timestamp || Ed25519 over the cosignature/v1 message). */
    String cosign(String text) throws Exception {
        long now = Instant.now().getEpochSecond();
        // tlog-cosignature §Ed25519 signed message: "cosignature/v1", "time <t>", then the checkpoint body
        byte[] message = ("cosignature/v1\ntime " + now + "\n" + text).getBytes(UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed))));
        signer.update(message);
        byte[] line = ByteBuffer.allocate(4 + 8 + 64)
                .put(keyId)
                .putLong(now)
                .put(signer.sign())
                .array();
        return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(line);
    }

    /** The signature line by the pinned key that verifies over the note text (signed-note, type 0x01), or null. */
    static String signedBy(String key, String text, String signatures) throws Exception {
        String[] parts = key.split("\\+", 3);
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        byte[] id = HEX.parseHex(parts[1]);
        for (String line : signatures.split("\n")) {
            String prefix = "\u2014 " + parts[0] + " ";
            if (!line.startsWith(prefix)) continue;
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(line.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (sig.length == 68 && Arrays.equals(Arrays.copyOf(sig, 4), id)) {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(KeyFactory.getInstance("Ed25519")
                        .generatePublic(new X509EncodedKeySpec(
                                concat(SPKI_PREFIX, Arrays.copyOfRange(typed, 1, typed.length)))));
                verifier.update(text.getBytes(UTF_8));
                if (verifier.verify(Arrays.copyOfRange(sig, 4, 68))) return line;
            }
        }
        return null;
    }

    /** The pinned key of an origin; an unknown one is looked up on the followed hosts (at most every 10 s). */
    synchronized String logKey(String origin) throws Exception {
        String pinned = state.getProperty("key." + origin);
        if (pinned != null || Instant.now().isBefore(lastRefresh.plus(REFRESH))) return pinned;
        lastRefresh = Instant.now();
        for (String host : hosts) {
            HttpResponse<String> keys;
            try {
                keys = HTTP.send(
                        HttpRequest.newBuilder(URI.create(host.replaceAll("/+$", "") + "/.well-known/undersigned/keys"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                System.err.println("cannot read the keys of " + host + ": " + e);
                continue;
            }
            if (keys.statusCode() != 200) continue;
            boolean changed = false;
            // a log whose key rotated has a line per key, oldest first: the oldest is pinned at first sight, and a
            // later one only with a rotation statement signed by the pinned key (see rotated)
            Map<String, List<String>> listed = new TreeMap<>();
            for (String line : keys.body().split("\n")) {
                String[] parts = line.strip().split("\\+", 3);
                if (parts.length != 3 || !wellFormed(parts)) continue;
                listed.computeIfAbsent(parts[0], o -> new ArrayList<>()).add(line.strip());
            }
            for (var log : listed.entrySet()) {
                String known = state.getProperty("key." + log.getKey());
                if (known == null) {
                    state.setProperty("key." + log.getKey(), log.getValue().get(0)); // pinned at first sight
                    changed = true;
                } else if (!log.getValue().contains(known)) {
                    System.err.println("REFUSED: " + host + " no longer lists the pinned key of " + log.getKey()
                            + "; keeping it: " + known);
                }
            }
            if (changed) persist();
        }
        return state.getProperty("key." + origin);
    }

    /**
     * Follows the log's key rotations from the pinned key: each statement from the host's {@code
     * /log/<slug>/key-rotations} must name the trusted key as the old one and be signed by it and by the new key. If
     * the checkpoint is signed by a key reached that way, that key is pinned and the log's signature line returned;
     * otherwise null (a key the host merely lists is never trusted).
     */
    String rotated(String origin, String pinned, String text, String signatures) throws Exception {
        int at = origin.lastIndexOf("/log/");
        if (at < 0) return null;
        for (String host : hosts) {
            HttpResponse<String> answer;
            try {
                answer = HTTP.send(
                        HttpRequest.newBuilder(URI.create(host.replaceAll("/+$", "") + "/log/"
                                        + origin.substring(at + 5) + "/key-rotations"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                System.err.println("cannot read the key rotations of " + origin + " from " + host + ": " + e);
                continue;
            }
            if (answer.statusCode() != 200) continue;
            String trusted = pinned;
            for (String statement : jsonStrings(answer.body(), "statement")) {
                int blank = statement.indexOf("\n\n");
                if (blank < 0) break;
                String said = statement.substring(0, blank + 1), lines = statement.substring(blank + 2);
                String[] keys = said.split("\n");
                // a statement is "undersigned/key-rotation/v1", the old key, the new key, signed by both
                if (keys.length != 3
                        || !keys[0].equals("undersigned/key-rotation/v1")
                        || !keys[1].equals(trusted)
                        || !wellFormed(keys[2].split("\\+", 3))
                        || !keys[2].startsWith(origin + "+")
                        || signedBy(trusted, said, lines) == null
                        || signedBy(keys[2], said, lines) == null) {
                    continue; // not a rotation of the key trusted now
                }
                trusted = keys[2];
                String line = signedBy(trusted, text, signatures);
                if (line != null) {
                    synchronized (this) {
                        state.setProperty("key." + origin, trusted);
                        persist();
                    }
                    System.out.println("ROTATED: " + origin + " now signs with " + trusted
                            + ", by a statement signed with the key pinned before, " + pinned);
                    return line;
                }
            }
        }
        return null;
    }

    /** The values of every string field {@code field} of a JSON text (RFC 8259 §7 escapes decoded). */
    static List<String> jsonStrings(String json, String field) {
        List<String> values = new ArrayList<>();
        String key = "\"" + field + "\":\"";
        for (int i = json.indexOf(key); i >= 0; i = json.indexOf(key, i)) {
            StringBuilder value = new StringBuilder();
            for (i += key.length(); i < json.length() && json.charAt(i) != '"'; i++) {
                char c = json.charAt(i);
                if (c != '\\' || i + 1 >= json.length()) {
                    value.append(c);
                    continue;
                }
                char e = json.charAt(++i);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> value.append(e); // \" \\ \/
                }
            }
            values.add(value.toString());
        }
        return values;
    }

    /** A note key of type 0x01 (Ed25519): 8 hex digits of key ID, then base64 of the type byte and 32 key bytes. */
    static boolean wellFormed(String[] parts) {
        try {
            byte[] typed = Base64.getDecoder().decode(parts[2]);
            return parts[1].matches("[0-9a-f]{8}") && typed.length == 33 && typed[0] == 0x01;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Written to a temporary file, forced to disk, then moved over the old one: a crash leaves one or the other. */
    synchronized void persist() throws IOException {
        Path file = dir.resolve("state.properties");
        Path next = dir.resolve("state.properties.next");
        try (var out = Files.newOutputStream(next);
                var channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
            state.store(out, "witness state: per origin the pinned log key and the latest cosigned size and root");
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * RFC 9162 §2.1.4.2 (the RFC 6962 §2.1.2 proof, verified): whether {@code proof} shows that the tree of
     * {@code size} with {@code root} extends the one of {@code old} with {@code oldRoot}.
     */
    static boolean consistent(long old, long size, byte[] oldRoot, byte[] root, List<byte[]> proof) {
        if (oldRoot == null || old <= 0 || old > size) return false;
        if (old == size) return proof.isEmpty() && Arrays.equals(oldRoot, root);
        if (proof.isEmpty()) return false; // "If consistency_path is an empty array, stop and fail"
        List<byte[]> path = new ArrayList<>(proof);
        // "If first is an exact power of 2, then prepend first_hash to the consistency_path array."
        if (Long.bitCount(old) == 1) path.add(0, oldRoot);
        long fn = old - 1;
        long sn = size - 1;
        // "If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set."
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                // "If LSB(fn) is not set, right-shift both fn and sn equally until either LSB(fn) is set or fn is 0"
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, oldRoot) && Arrays.equals(sr, root);
    }

    // RFC 6962 §2.1: MTH of an inner node = SHA-256(0x01 || left || right)
    static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[] {0x01}, left, right);
    }

    static byte[] hash(String base64) throws Refused {
        try {
            byte[] h = Base64.getDecoder().decode(base64);
            if (h.length == 32) return h;
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new Refused(400, "a hash line is 32 bytes in base64");
    }

    static byte[] publicKeyOf(byte[] seed) throws Exception {
        // the JDK derives a public key only when it generates a pair: hand it the seed as its randomness
        var generator = java.security.KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new FixedRandom(seed));
        EdECPublicKey pub = (EdECPublicKey) generator.generateKeyPair().getPublic();
        byte[] spki = pub.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    /** Hands the seed to the key pair generator, so the JDK derives the public key of this seed. */
    static final class FixedRandom extends SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) digest.update(part);
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
