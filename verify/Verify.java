// Undersigned verifier: recomputes an open letter's signature count from its signed, append-only Merkle log.
//
//   java verify/Verify.java [--key <verifier key>] [--witness <witness key>]... [--quorum <n>]
//                           [--ask <witness URL>]... [--history] [--snapshot] <public-url> <slug>
//
// JDK 17 only and no code shared with the server, so that it checks the server instead of trusting it. It checks the
// checkpoint signature (C2SP signed-note, tlog-checkpoint), downloads every entry (C2SP tlog-tiles), recomputes the
// Merkle root (RFC 9162 §2.1.1), recounts by the count rule, and compares the published count and listed names.
// --key pins a verifier key obtained out of band; without it, the key list the server publishes is used.
// --witness (repeatable) gives witness keys obtained from the witnesses, never from the host: the checkpoint checked
// is then the witnessed one, which must carry cosignatures (C2SP tlog-cosignature) by --quorum of them (default all).
// --ask (repeatable) asks a witness itself for the latest checkpoint it cosigned (witness/Witness.java serves it), so
// that a host showing its readers another history than it showed the witnesses (a fork) is caught without trusting
// the host for anything: the witness's checkpoint must be a prefix of the tree the host serves.
// --history also recomputes every point of the count history; --snapshot checks the current snapshot of the public
// signatories: every name in it is a live signature of the log at the checkpoint it is bound to.
// Exit status: 0 when every check passes, 1 when any fails, 2 on a usage error.

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.*;

public class Verify {

    static final int WIDTH = 256; // tlog-tiles: a full tile or entry bundle is 256 wide
    static final HexFormat HEX = HexFormat.of();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** A failure after which the checks cannot go on; status is the HTTP status when there was one. */
    static class Fail extends Exception {
        final int status;

        Fail(String message, int status) {
            super(message);
            this.status = status;
        }

        Fail(String message) {
            this(message, 0);
        }
    }

    /** The log grew while it was being read: check again from the start. */
    static class Grown extends Exception {}

    record Checkpoint(long size, byte[] root, String rootBase64) {}

    /** What the entries so far say of a signer: the version and listing of its latest entries, and its evidence. */
    static final class Signer {
        long version;
        String listing;
        final Set<String> evidence = new TreeSet<>();
    }

    final String base, slug, origin, pinned;
    final List<String> witnesses = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    int quorum, passed, failed;
    boolean history; // --history: every point of the count history too
    boolean snapshot; // --snapshot: the current snapshot of the public signatories too
    long publishedSize = -1; // the size the count API is of, when it is not the witnessed one

    Verify(String base, String slug, String origin, String pinned) {
        this.base = base;
        this.slug = slug;
        this.origin = origin;
        this.pinned = pinned;
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>();
        String pinned = null;
        List<String> witnesses = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        int quorum = -1;
        boolean history = false, snapshot = false;
        for (int i = 0; i < args.length; i++) {
            boolean valued = i + 1 < args.length;
            switch (args[i]) {
                case "--key" -> pinned = valued ? args[++i].strip() : null;
                case "--witness" -> witnesses.add(valued ? args[++i].strip() : "");
                case "--ask" -> asked.add(valued ? args[++i].strip().replaceAll("/+$", "") : "");
                case "--quorum" ->
                    quorum = valued && args[i + 1].matches("[1-9][0-9]{0,2}") ? Integer.parseInt(args[++i]) : 0;
                case "--history" -> history = true;
                case "--snapshot" -> snapshot = true;
                default -> rest.add(args[i]);
            }
        }
        boolean usage = quorum == 0
                || quorum > witnesses.size()
                || (quorum > 0 && witnesses.isEmpty())
                || (!asked.isEmpty() && witnesses.isEmpty())
                || !asked.stream().allMatch(a -> a.matches("https?://[^\\s]+"));
        URI uri = null;
        try {
            uri = rest.size() == 2 ? URI.create(rest.get(0).replaceAll("/+$", "")) : null;
        } catch (IllegalArgumentException e) {
            /* usage below */
        }
        if (usage
                || uri == null
                || uri.getHost() == null
                || !List.of("http", "https").contains(uri.getScheme())
                || !rest.get(1).matches("[a-z0-9][a-z0-9-]*")) {
            System.err.println(
                    "usage: java verify/Verify.java [--key <name+keyID+key>] [--witness <name+keyID+key>]... "
                            + "[--quorum <n>] [--ask <witness URL>]... [--history] [--snapshot] <public-url> <letter slug>");
            System.err.println("  e.g. java verify/Verify.java https://letters.example.org publish-benchmarks");
            System.exit(2);
        }
        // the log's origin, which is also its key name: <host[:port] of the public URL>/log/<slug>
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        Verify verify = new Verify(uri.toString(), rest.get(1), host + "/log/" + rest.get(1), pinned);
        verify.witnesses.addAll(witnesses);
        verify.asked.addAll(asked);
        verify.quorum = quorum < 0 ? witnesses.size() : quorum;
        verify.history = history;
        verify.snapshot = snapshot;
        System.exit(verify.run() ? 0 : 1);
    }

    boolean run() {
        System.out.println("Verifying the signatures of '" + slug + "' at " + base);
        for (int attempt = 1; ; attempt++) {
            passed = failed = 0;
            try {
                long[] counted = verify(attempt == 1);
                if (failed == 0) {
                    System.out.printf(
                            "All %d checks passed: %d signatures counted at tree size %d.%n",
                            passed, counted[0], counted[1]);
                    return true;
                }
            } catch (Grown g) {
                if (attempt == 1) {
                    System.out.println(
                            "     The log grew while this ran (people are still signing): checking once more.");
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        return false;
                    }
                    continue;
                }
                fail("the log kept changing while it was being checked; please run again");
            } catch (Fail f) {
                fail(f.getMessage());
            } catch (RuntimeException e) { // an answer of another shape than documented
                fail("the server's answer is not as documented (" + e + ")");
            }
            System.out.printf(
                    "%d of %d checks FAILED: the published count of '%s' is not confirmed by its log.%n",
                    failed, passed + failed, slug);
            return false;
        }
    }

    /** Every check, in order; returns the recounted total and the tree size. */
    long[] verify(boolean first) throws Fail, Grown {
        publishedSize = -1;
        keys = keyChain(verifierKey());
        Note signed = checkpoint(keys);
        Checkpoint cp = signed.cp();
        List<byte[]> entries = entries(cp), leaves = new ArrayList<>();
        entries.forEach(e -> leaves.add(sha256(new byte[] {0}, e))); // RFC 9162 §2.1.1: SHA-256(0x00 || entry)
        byte[] root = leaves.isEmpty() ? sha256() : mth(leaves, 0, leaves.size());
        check(
                Arrays.equals(root, cp.root()),
                "Merkle root recomputed from the " + entries.size() + " entries equals the signed root",
                "Merkle root mismatch: the entries hash to " + b64(root) + " but the signed checkpoint says "
                        + cp.rootBase64() + " (these are not the entries it signed)");
        hashTiles(cp, leaves);
        for (String witness : asked) askWitness(witness, keys, cp, leaves);
        Map<String, Signer> live = new HashMap<>();
        List<Map<String, Object>> parsed = entryJson(entries);
        rotationsInLog(parsed, keys, signed.signer(), cp);
        long total = recount(parsed, live, cp, first);
        listings(live, first);
        thread(parsed, cp, first);
        if (history) history(leaves, parsed, cp);
        if (snapshot) snapshot(leaves, parsed, cp, first);
        return new long[] {total, cp.size()};
    }

    /** A verifier key of this log: its text, its 32 key bytes and its key ID in hex. */
    record Key(String text, byte[] key, String id) {}

    /**
     * (a) The verifier key, name+hex(key ID)+base64(0x01 || key): pinned with --key, or from the key list, whose
     * first line for the log is the key the log began with (later lines are keys it rotated to, trusted only through
     * their rotation statements, below).
     */
    Key verifierKey() throws Fail {
        String text = pinned, source = "pinned with --key", path = "/.well-known/undersigned/keys";
        if (pinned == null) {
            text = utf8(get(path), "the key list")
                    .lines()
                    .map(String::strip)
                    .filter(l -> l.startsWith(origin + "+"))
                    .findFirst()
                    .orElseThrow(() -> new Fail("the key list " + base + path + " has no key for " + origin));
            source = "from " + base + path;
        }
        Key key = key(text);
        ok("verifier key of " + origin + " (key " + key.id() + ") " + source);
        return key;
    }

    /** Parses and checks a verifier key of this log. */
    Key key(String text) throws Fail {
        String[] parts = text.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new Fail("not a verifier key (<name>+<8 hex key ID>+<base64 key>): " + text);
        } else if (!parts[0].equals(origin)) {
            throw new Fail("the verifier key is for " + parts[0] + ", not for this letter's log " + origin);
        }
        byte[] typed = unbase64(parts[2], "the verifier key");
        if (typed.length != 33 || typed[0] != 1) { // signed-note §Signature types: 0x01 Ed25519, then 32 key bytes
            throw new Fail("the verifier key is not an Ed25519 key (0x01 followed by 32 bytes)");
        }
        byte[] key = Arrays.copyOfRange(typed, 1, 33);
        // signed-note §Ed25519 signatures: key ID = SHA-256(key name || 0x0A || 0x01 || public key)[:4]
        byte[] id = Arrays.copyOf(sha256(origin.getBytes(UTF_8), new byte[] {0x0A, 0x01}, key), 4);
        if (!HEX.formatHex(id).equals(parts[1])) {
            throw new Fail(
                    "key ID " + parts[1] + " does not match the key's name and bytes (" + HEX.formatHex(id) + ")");
        }
        return new Key(text, key, parts[1]);
    }

    /** A rotation statement as served: the index of its entry in the log and the signed note. */
    record Rotation(long index, String statement) {}

    final List<Rotation> rotations = new ArrayList<>();
    List<Key> keys = List.of(); // the log's keys, oldest first, once (a') has run

    /**
     * (a') The log's key rotations, from the host's list: each statement ("undersigned/key-rotation/v1", the old key,
     * the new key) is signed by both keys and rotates away from the key the one before rotated to. The key trusted
     * (pinned or listed first) must be one of that chain: keys after it are trusted through the statements, keys
     * before it through its own signature on them. Returns the chain, oldest first; that each statement is also an
     * entry of the log is checked with the entries (e').
     */
    List<Key> keyChain(Key trusted) throws Fail {
        List<Key> chain = new ArrayList<>();
        rotations.clear();
        Object list = ((Map<?, ?>) getJson("/log/" + slug + "/key-rotations")).get("rotations");
        for (Object item : (List<?>) list) {
            Map<?, ?> r = (Map<?, ?>) item;
            String statement = (String) r.get("statement");
            int split = statement.indexOf("\n\n"); // signed-note §Format: an empty line ends the text
            String[] said =
                    split < 0 ? new String[0] : statement.substring(0, split).split("\n", -1);
            if (said.length != 3 || !said[0].equals("undersigned/key-rotation/v1")) {
                throw new Fail("a key rotation served by the host is not a rotation statement: "
                        + statement.lines().findFirst().orElse(""));
            }
            Key old = key(said[1]), next = key(said[2]);
            if (!chain.isEmpty() && !chain.get(chain.size() - 1).text().equals(old.text())) {
                throw new Fail("the key rotations served do not follow one another: " + old.id() + " is not the key "
                        + chain.get(chain.size() - 1).id() + " rotated to");
            }
            String text = statement.substring(0, split + 1), lines = statement.substring(split + 2);
            if (!signs(old, text, lines) || !signs(next, text, lines)) {
                throw new Fail("the rotation of the log's key from " + old.id() + " to " + next.id()
                        + " is not signed by both keys");
            }
            if (chain.isEmpty()) chain.add(old);
            chain.add(next);
            rotations.add(new Rotation((Long) r.get("index"), statement));
            ok("the log's key rotated from " + old.id() + " to " + next.id() + " (entry " + r.get("index")
                    + "): the statement is signed by both keys");
        }
        if (chain.isEmpty()) chain.add(trusted);
        if (chain.stream().noneMatch(k -> k.text().equals(trusted.text()))) {
            throw new Fail("the key trusted, " + trusted.id() + ", is not one of the keys of this log's rotations");
        }
        return chain;
    }

    /** Whether one of the signature lines is a valid signature of {@code text} by {@code key}. */
    boolean signs(Key key, String text, String lines) throws Fail {
        for (String line : lines.split("\n")) {
            String prefix = "\u2014 " + origin + " ";
            byte[] sig = line.startsWith(prefix) ? unbase64(line.substring(prefix.length()), "a signature") : null;
            if (sig != null
                    && sig.length == 68
                    && HEX.formatHex(sig, 0, 4).equals(key.id())
                    && ed25519(key.key(), text.getBytes(UTF_8), Arrays.copyOfRange(sig, 4, 68))) {
                return true;
            }
        }
        return false;
    }

    /**
     * (e') Every rotation is on the record: the log's key-rotation entries are the statements served, in order and at
     * the indexes served, and the checkpoint is signed by the key in effect at its size (the last one rotated to).
     */
    void rotationsInLog(List<Map<String, Object>> entries, List<Key> keys, int signer, Checkpoint cp) {
        List<Rotation> logged = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> e = entries.get(i);
            if (e != null && "key-rotation".equals(e.get("type")))
                logged.add(new Rotation(i, (String) e.get("statement")));
        }
        List<Rotation> served =
                rotations.stream().filter(r -> r.index() < cp.size()).toList();
        String problem = null;
        if (!logged.equals(served)) {
            problem = "the log holds " + logged.size() + " key rotations, the host lists " + served.size()
                    + " below tree size " + cp.size() + ", and they are not the same statements at the same entries";
        } else if (signer != served.size()) {
            problem = "the checkpoint is signed by key " + keys.get(signer).id() + ", but the key in effect at tree "
                    + "size " + cp.size() + " is " + keys.get(served.size()).id();
        }
        check(
                problem == null,
                (logged.isEmpty()
                                ? "no key rotation in the log"
                                : "the " + logged.size() + " key rotations served are" + " entries of the log")
                        + ", and the checkpoint is signed by the key in effect at its size",
                problem);
    }

    /** (b) The checkpoint: a C2SP signed note whose text is a C2SP tlog-checkpoint. */
    Note checkpoint(List<Key> keys) throws Fail {
        String note = utf8(
                get("/log/" + slug + (witnesses.isEmpty() ? "/checkpoint" : "/checkpoint/witnessed")),
                "the checkpoint");
        Note parsed = note(note, keys, "the checkpoint");
        if (!witnesses.isEmpty()) {
            List<String> by = cosigners(parsed.text(), parsed.others());
            check(
                    by.size() >= quorum,
                    "cosigned by " + by.size() + " of the " + witnesses.size() + " witnesses given ("
                            + String.join(", ", by) + "), quorum " + quorum,
                    "only " + by.size() + " of the required " + quorum + " witnesses cosigned this checkpoint"
                            + (by.isEmpty() ? "" : " (" + String.join(", ", by) + ")"));
        }
        ok("checkpoint of " + origin + ": tree size " + parsed.cp().size() + ", root "
                + parsed.cp().rootBase64());
        return parsed;
    }

    /** A checkpoint note: its text, the checkpoint it states, and the signature lines that are not the log's. */
    record Note(String text, Checkpoint cp, List<String[]> others, int signer) {}

    /**
     * Parses a signed note holding a checkpoint of this log and checks the log's signature on it, by any of its keys;
     * {@code signer} is the position of the (latest) key that signed.
     */
    Note note(String note, List<Key> keys, String what) throws Fail {
        int split = note.lastIndexOf("\n\n"); // signed-note §Format: the last empty line ends the text
        if (split < 0 || !note.endsWith("\n")) {
            throw new Fail(what + " is not a signed note (text, an empty line, signature lines)");
        }
        String text = note.substring(0, split + 1);
        int signer = -1;
        List<String[]> others = new ArrayList<>();
        for (String line : note.substring(split + 2).split("\n")) {
            // signed-note §Format: "— <key name> <base64(key ID || signature)>", an em dash U+2014 and a space
            String[] f = line.startsWith("\u2014 ") ? line.substring(2).split(" ") : new String[0];
            if (f.length != 2) throw new Fail(what + " has a malformed signature line: " + line);
            byte[] sig = unbase64(f[1], "a checkpoint signature");
            int k = keys.size() - 1;
            while (k >= 0
                    && !(f[0].equals(origin)
                            && sig.length >= 4
                            && HEX.formatHex(sig, 0, 4).equals(keys.get(k).id()))) k--;
            if (k < 0) {
                others.add(f); // signed-note §Signatures: other keys' signatures (witnesses') are not the log's
                continue;
            }
            // signed-note §Ed25519 signatures: RFC 8032 Ed25519 over the note text, its final newline included
            if (sig.length != 68 || !ed25519(keys.get(k).key(), text.getBytes(UTF_8), Arrays.copyOfRange(sig, 4, 68))) {
                throw new Fail("the signature of " + what + " by " + origin + " (key "
                        + keys.get(k).id() + ") does NOT verify");
            }
            signer = Math.max(signer, k);
        }
        if (signer < 0) {
            throw new Fail(what + " carries no signature by " + origin + " (key "
                    + keys.get(keys.size() - 1).id() + ")");
        }
        String by = origin + " (key " + keys.get(signer).id() + ")";
        ok(what.equals("the checkpoint") ? "checkpoint signature by " + by : what + " is signed by " + by);
        // tlog-checkpoint §Note text: origin, decimal tree size, base64 root hash, then any extension lines
        String[] lines = text.split("\n");
        if (lines.length < 3 || !lines[1].matches("0|[1-9][0-9]{0,17}") || unbase64(lines[2], "root").length != 32) {
            throw new Fail("the text of " + what + " is not an origin, a tree size and a 32-byte root hash");
        } else if (!lines[0].equals(origin)) {
            throw new Fail(what + " is of the log " + lines[0] + ", not of " + origin);
        }
        return new Note(
                text, new Checkpoint(Long.parseLong(lines[1]), unbase64(lines[2], "root"), lines[2]), others, signer);
    }

    /**
     * (b'') A witness's own view, asked of the witness and not of the host: the latest checkpoint it cosigned must be
     * a prefix of the tree the host serves. A host that showed the witnesses one history and its readers another (a
     * fork, after a restore for instance) cannot pass this, whatever it serves.
     */
    void askWitness(String witness, List<Key> keys, Checkpoint cp, List<byte[]> leaves) throws Fail, Grown {
        URI uri = URI.create(witness + "/checkpoint?origin=" + URLEncoder.encode(origin, UTF_8));
        Note seen = note(
                utf8(fetch(uri), "the witness's checkpoint"), keys, "the checkpoint " + witness + " cosigned last");
        List<String> by = cosigners(seen.text(), seen.others());
        if (by.isEmpty()) {
            throw new Fail(
                    "the checkpoint from " + witness + " carries no cosignature by any of the witness keys given");
        }
        long size = seen.cp().size();
        List<byte[]> prefix = leaves;
        if (size > cp.size()) { // the witness is ahead of the checkpoint checked: read the host's latest tree
            Note latest = note(
                    utf8(get("/log/" + slug + "/checkpoint"), "the latest checkpoint"), keys, "the latest checkpoint");
            if (latest.cp().size() < size) {
                throw new Fail(by.get(0) + " cosigned tree size " + size + ", but the host's latest checkpoint has "
                        + latest.cp().size() + " entries: the host shows another history than it showed the witness");
            }
            prefix = new ArrayList<>();
            for (byte[] e :
                    entries(new Checkpoint(size, seen.cp().root(), seen.cp().rootBase64()))) {
                prefix.add(sha256(new byte[] {0}, e));
            }
        }
        byte[] root = size == 0 ? sha256() : mth(prefix, 0, (int) size);
        check(
                Arrays.equals(root, seen.cp().root()),
                by.get(0) + " last cosigned tree size " + size + ", and the host's log holds that very tree",
                "FORK: " + by.get(0) + " cosigned tree size " + size + " with root "
                        + seen.cp().rootBase64()
                        + ", but the host's first " + size + " entries hash to " + b64(root)
                        + ": the host shows another history than it showed the witness");
    }

    /** (b') The witnesses given whose cosignature/v1 (C2SP tlog-cosignature) on the text verifies. */
    List<String> cosigners(String text, List<String[]> lines) throws Fail {
        List<String> by = new ArrayList<>();
        for (String witness : witnesses) {
            String[] parts = witness.split("\\+", 3);
            byte[] typed = parts.length == 3 ? unbase64(parts[2], "a witness key") : new byte[0];
            if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}") || typed.length != 33 || typed[0] != 4) {
                throw new Fail("not a witness key (<name>+<8 hex key ID>+<base64(0x04 || key)>): " + witness);
            }
            byte[] key = Arrays.copyOfRange(typed, 1, 33);
            // tlog-cosignature §Format: key ID = SHA-256(<name> || "\n" || 0x04 || 32-byte public key)[:4]
            byte[] id = Arrays.copyOf(sha256(parts[0].getBytes(UTF_8), new byte[] {0x0A, 0x04}, key), 4);
            if (!HEX.formatHex(id).equals(parts[1])) throw new Fail("the witness key ID of " + parts[0] + " is wrong");
            for (String[] f : lines) {
                byte[] sig = unbase64(f[1], "a cosignature");
                if (!f[0].equals(parts[0])
                        || sig.length != 76
                        || !HEX.formatHex(sig, 0, 4).equals(parts[1])) continue;
                long time = ByteBuffer.wrap(sig, 4, 8).getLong();
                // tlog-cosignature §Ed25519 signed message: "cosignature/v1", "time <t>", then the checkpoint text
                byte[] message = ("cosignature/v1\ntime " + time + "\n" + text).getBytes(UTF_8);
                if (time >= 0 && ed25519(key, message, Arrays.copyOfRange(sig, 12, 76))) {
                    by.add(parts[0]);
                    break;
                }
            }
        }
        return by;
    }

    /** (c) Every entry, from the entry bundles (tlog-tiles §Log entries). */
    List<byte[]> entries(Checkpoint cp) throws Fail, Grown {
        List<byte[]> all = new ArrayList<>();
        String problem = "";
        for (long n = 0; n * WIDTH < cp.size(); n++) {
            int width = (int) Math.min(WIDTH, cp.size() - n * WIDTH), count = 0;
            byte[] b = tile("entries", n, width);
            for (int i = 0; i < b.length; count++) { // each entry: a big-endian uint16 length, then its bytes
                int end = i + 2 > b.length ? -1 : i + 2 + ((b[i] & 0xff) << 8 | b[i + 1] & 0xff);
                if (end < 0 || end > b.length) throw new Fail("entry bundle " + n + " ends in the middle of an entry");
                if (count < width) { // (a full bundle may stand in for a partial one that is gone)
                    all.add(Arrays.copyOfRange(b, i + 2, end));
                }
                i = end;
            }
            if (count != width && count != WIDTH && problem.isEmpty()) {
                problem = ": entry bundle " + n + " holds " + count + " entries, not " + width;
            }
        }
        check(
                problem.isEmpty() && all.size() == cp.size(),
                "downloaded " + all.size() + " entries, as many as the signed tree size",
                "downloaded " + all.size() + " entries for a tree of size " + cp.size() + problem);
        return all;
    }

    /** (d) The level-0 hash tiles that lighter clients use must hold the hashes of the same entries. */
    void hashTiles(Checkpoint cp, List<byte[]> leaves) throws Fail, Grown {
        String problem = null;
        for (long n = 0; n * WIDTH < cp.size() && problem == null; n++) {
            int width = (int) Math.min(WIDTH, cp.size() - n * WIDTH);
            byte[] tile = tile("0", n, width); // tlog-tiles §Merkle Tree: the tile's 32-byte hashes, concatenated
            for (int i = 0; i < width && problem == null; i++) {
                int index = (int) (n * WIDTH + i);
                if (tile.length < 32 * width
                        || index >= leaves.size()
                        || !Arrays.equals(tile, 32 * i, 32 * i + 32, leaves.get(index), 0, 32)) {
                    problem = "hash tile 0/" + n + " does not hold the hash of entry " + index
                            + ": the hash tiles and the entries are not the same log";
                }
            }
        }
        check(problem == null, "level-0 hash tiles hold the hashes of the same " + leaves.size() + " entries", problem);
    }

    /** (e) Each entry: RFC 8785 canonical JSON of a documented shape, for this letter, without an email address. */
    List<Map<String, Object>> entryJson(List<byte[]> entries) {
        List<Map<String, Object>> parsed = new ArrayList<>();
        List<String> shape = new ArrayList<>(), scope = new ArrayList<>();
        Map<String, Long> types = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byte[] bytes = entries.get(i);
            Map<String, Object> entry = null;
            try {
                Object json = new Json(utf8(bytes, "it")).parse();
                if (!(json instanceof Map)
                        || !Arrays.equals(Json.canonical(json).getBytes(UTF_8), bytes)) {
                    throw new Fail("it is not a JSON object in RFC 8785 canonical form");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> e = (Map<String, Object>) json;
                String problem = shapeProblem(e);
                if (problem != null) throw new Fail(problem);
                entry = e;
                types.merge(e.get("type") + "", 1L, Long::sum);
                if (!slug.equals(e.get("letter"))) scope.add("entry " + i + " is for the letter " + e.get("letter"));
            } catch (Fail f) {
                shape.add("entry " + i + ": " + f.getMessage());
            }
            if (new String(bytes, UTF_8).contains("@")) {
                scope.add("entry " + i + " holds an '@': no email address may ever be in the log");
            }
            parsed.add(entry);
        }
        report(
                shape,
                "all " + entries.size() + " entries are canonical JSON of the documented shapes ("
                        + tally(types, "", ": ") + ")");
        report(scope, "every entry is for the letter '" + slug + "' and none holds an email address");
        return parsed;
    }

    static final Map<String, Set<String>> SHAPES = Map.of(
            "signature",
            Set.of("version", "textSha256", "evidence"),
            "withdrawal",
            Set.of(),
            "invalidation",
            Set.of("reason"),
            "reaffirmation",
            Set.of("version", "textSha256"),
            "evidence",
            Set.of("evidence"));

    static final Map<String, Set<String>> NO_SIGNER = Map.of(
            "thread-revision", Set.of("entry", "revision", "sha256"),
            "thread-retraction", Set.of("entry", "revision", "reasonSha256"));

    static String shapeProblem(Map<String, Object> e) {
        Set<String> expected = new HashSet<>(Set.of("v", "type", "letter", "time", "signer"));
        Set<String> keys = new HashSet<>(e.keySet());
        if (!(e.get("type") instanceof String type && e.get("letter") instanceof String)) {
            return "it has no type or letter";
        } else if (NO_SIGNER.containsKey(type)) { // concerns no signer and counts nothing
            Set<String> fields = new HashSet<>(Set.of("v", "type", "letter", "time"));
            fields.addAll(NO_SIGNER.get(type));
            return keys.equals(fields)
                    ? null
                    : "a " + type + " entry has the fields " + new TreeSet<>(fields) + ", it has "
                            + new TreeSet<>(keys);
        } else if (type.equals("key-rotation")) { // concerns no signer: the statement is checked in (e')
            return keys.equals(Set.of("v", "type", "letter", "time", "statement"))
                            && e.get("statement") instanceof String
                    ? null
                    : "a key-rotation entry has the fields [letter, statement, time, type, v], it has "
                            + new TreeSet<>(keys);
        } else if (!SHAPES.containsKey(type)) {
            return null; // another type: it counts nothing, so only its letter matters
        }
        expected.addAll(SHAPES.get(type));
        if (type.equals("signature") && keys.remove("listing") && !hex64(e.get("listing"))) {
            return "its listing is not a SHA-256 in hex";
        } else if (!keys.equals(expected)) {
            return "a " + type + " entry has the fields " + new TreeSet<>(expected) + ", it has " + new TreeSet<>(keys);
        } else if (!Long.valueOf(1).equals(e.get("v"))
                || !(e.get("signer") + "").matches("[0-9a-f]+")
                || !(e.get("time") + "").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z")) {
            return "its v, signer or time is not as documented";
        } else if (keys.contains("version") && !(e.get("version") instanceof Long n && n > 0)
                || keys.contains("textSha256") && !hex64(e.get("textSha256"))) {
            return "its version or textSha256 is not as documented";
        } else if (keys.contains("evidence")
                && !(e.get("evidence") instanceof List<?> l && l.stream().allMatch(String.class::isInstance))) {
            return "its evidence is not a list of strings";
        }
        return keys.contains("reason") && !(e.get("reason") instanceof String) ? "its reason is not a string" : null;
    }

    /** (f) Recount by the count rule, then compare with the published count. */
    long recount(List<Map<String, Object>> entries, Map<String, Signer> live, Checkpoint cp, boolean first)
            throws Fail, Grown {
        Map<String, Signer> known = new HashMap<>();
        entries.forEach(e -> apply(known, live, e));
        Map<String, Long> byVersion = new TreeMap<>(), byEvidence = new TreeMap<>(), published = new TreeMap<>();
        for (Signer s : live.values()) {
            byVersion.merge(s.version + "", 1L, Long::sum);
            s.evidence.forEach(x -> byEvidence.merge(x, 1L, Long::sum));
        }
        Map<?, ?> count = (Map<?, ?>) getJson("/api/letters/" + slug + "/count");
        Map<?, ?> at = count.get("checkpoint") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> witnessed = count.get("witnessed") instanceof Map<?, ?> m ? m : Map.of();
        if (!witnesses.isEmpty()
                && Long.valueOf(cp.size()).equals(witnessed.get("size"))
                && witnessed.get("total") != null) {
            check(
                    Long.valueOf(live.size()).equals(witnessed.get("total"))
                            && cp.rootBase64().equals(witnessed.get("rootHash")),
                    "recounted " + live.size() + " signatures at the witnessed checkpoint, as published for it",
                    "the log counts " + live.size() + " signatures at the witnessed checkpoint, but the total "
                            + "published for it is " + witnessed.get("total"));
        }
        if (!witnesses.isEmpty() && !Long.valueOf(cp.size()).equals(at.get("size"))) {
            publishedSize = at.get("size") instanceof Long l ? l : -1;
            System.out.printf(
                    "     Recounted %d signatures at the witnessed tree size %d; the published count (%s) is of "
                            + "tree size %s, which the witnesses have not cosigned yet.%n",
                    live.size(), cp.size(), count.get("total"), at.get("size"));
            return live.size();
        }
        if (first && !Long.valueOf(cp.size()).equals(at.get("size"))) {
            throw new Grown(); // the count is of another checkpoint: read the log again, once
        }
        check(
                Long.valueOf(cp.size()).equals(at.get("size"))
                        && cp.rootBase64().equals(at.get("rootHash")),
                "the published count is of the verified checkpoint (tree size " + cp.size() + ")",
                "the published count is of the checkpoint " + at + ", not of the verified one");
        String evidence = "evidence " + tally(byEvidence, "", ": ");
        check(
                Long.valueOf(live.size()).equals(count.get("total")),
                "recounted " + live.size() + " signatures from the log, as published (" + evidence + ")",
                "the log counts " + live.size() + " signatures (" + evidence + ") but the published total is "
                        + count.get("total"));
        if (count.get("byVersion") instanceof Map<?, ?> v) { // zero counts are left out
            v.forEach((k, n) -> published.put(k + "", n instanceof Long l ? l : -1L));
        }
        published.values().removeIf(n -> n == 0);
        check(
                published.equals(byVersion),
                "counts per version of the letter match the log (" + tally(byVersion, "v", ": ") + ")",
                "counts per version: the log gives " + tally(byVersion, "v", ": ") + ", the published count "
                        + tally(published, "v", ": "));
        return live.size();
    }

    /** The count rule for one entry: which signers it makes live or ends, with their version, evidence and listing. */
    static void apply(Map<String, Signer> known, Map<String, Signer> live, Map<String, Object> e) {
        String id = e == null ? null : e.get("signer") + "";
        switch (e == null ? "" : e.get("type") + "") { // entries that could not be read were reported already
            case "signature" -> { // makes its signer live, with this version, evidence and listing
                Signer s = new Signer();
                s.version = (Long) e.get("version");
                s.listing = (String) e.get("listing");
                ((List<?>) e.get("evidence")).forEach(x -> s.evidence.add(x + ""));
                known.put(id, s);
                live.put(id, s);
            }
            case "reaffirmation" -> { // makes its signer live, on the version re-affirmed
                known.computeIfAbsent(id, k -> new Signer()).version = (Long) e.get("version");
                live.put(id, known.get(id));
            }
            case "withdrawal", "invalidation" -> live.remove(id);
            case "evidence" ->
                ((List<?>) e.get("evidence"))
                        .forEach(x -> known.computeIfAbsent(id, k -> new Signer())
                                .evidence
                                .add(x + ""));
            default -> {} // other types change nothing
        }
    }

    /** The SHA-256 (hex) of a listed signatory's public record, rebuilt from the list's item as the log commits it. */
    static String listingOf(Map<?, ?> item) throws Fail {
        Map<?, ?> levels = (Map<?, ?>) item.get("levels");
        Map<String, Object> record = new TreeMap<>(); // the public record the listing commits to
        record.put("affiliation", levels.get("affiliation"));
        record.put("identity", levels.get("identity"));
        record.put("name", item.get("name"));
        List.of("organisation", "role").forEach(k -> {
            if (item.get(k) != null) record.put(k, item.get(k));
        });
        record.put("salt", item.get("salt"));
        return HEX.formatHex(sha256(Json.canonical(record).getBytes(UTF_8)));
    }

    /** (g) Each listed name's public record must hash to the listing commitment of a live signature in the log. */
    void listings(Map<String, Signer> live, boolean first) throws Fail, Grown {
        if (publishedSize >= 0) {
            System.out.println("     The listed names are of the newer tree: not checked against the witnessed one.");
            return;
        }
        Set<String> committed = new HashSet<>();
        live.values().forEach(s -> committed.add(s.listing));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        boolean missing = false;
        String after = null;
        do {
            Map<?, ?> page = (Map<?, ?>) getJson("/api/letters/" + slug + "/signatories?limit=200"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, UTF_8)));
            for (Object o : (List<?>) page.get("items")) {
                Map<?, ?> item = (Map<?, ?>) o;
                String listing = listingOf(item);
                checked++;
                if (!listing.equals(item.get("listing"))) {
                    problems.add(item.get("name") + ": the public record does not hash to its listing");
                } else if (!committed.contains(listing)) {
                    problems.add(item.get("name") + ": no live signature in the log carries this listing");
                    missing = true;
                }
            }
            after = page.get("next") == null || (page.get("next") + "").equals(after) ? null : page.get("next") + "";
        } while (after != null);
        if (missing && first) {
            throw new Grown(); // perhaps listed after the checkpoint was read: read the log again, once
        }
        report(problems, checked + " listed names checked: each matches the listing commitment of a live signature");
    }

    // ---- tiles, hashes, signatures ----------------------------------------------------------------------------

    /**
     * tlog-tiles: tile/kind/N[.p/W]. §Partial Tiles: a partial tile may be gone once the log has grown; the full
     * tile is then read instead, and if that does not exist yet either, the whole log is read again.
     */
    byte[] tile(String kind, long n, int width) throws Fail, Grown {
        String path = "/log/" + slug + "/tile/" + kind + "/" + tileIndex(n);
        for (String attempt : width == WIDTH ? List.of(path) : List.of(path + ".p/" + width, path)) {
            try {
                return get(attempt);
            } catch (Fail f) {
                if (f.status != 404) throw f;
            }
        }
        throw new Grown();
    }

    /** tlog-tiles §Merkle Tree: N in groups of 3 digits, all but the last prefixed by x: 1234067 is x001/x234/067. */
    static String tileIndex(long n) {
        String path = String.format("%03d", n % 1000);
        for (n /= 1000; n > 0; n /= 1000) path = String.format("x%03d/", n % 1000) + path;
        return path;
    }

    /**
     * (i) --history: each point of the count history (by day and by hour, /api/letters/<slug>/history) up to this
     * checkpoint says "at size S the log had root R and counted N": R must be the Merkle root of the first S entries
     * and N the count rule's over them. One walk over the entries: the root of every prefix is folded from the
     * complete subtrees so far (RFC 9162 §2.1.1 splits a tree at its largest power of two, so they are its left parts).
     */
    void history(List<byte[]> leaves, List<Map<String, Object>> entries, Checkpoint cp) throws Fail {
        TreeMap<Long, Map<?, ?>> points = new TreeMap<>();
        for (String bucket : List.of("day", "hour")) {
            Object list = ((Map<?, ?>) getJson("/api/letters/" + slug + "/history?bucket=" + bucket)).get("points");
            for (Object item : (List<?>) list) {
                Map<?, ?> p = (Map<?, ?>) item;
                if (((Number) p.get("size")).longValue() <= cp.size())
                    points.put(((Number) p.get("size")).longValue(), p);
            }
        }
        List<byte[]> subtrees = new ArrayList<>();
        List<Long> widths = new ArrayList<>();
        Set<String> live = new HashSet<>();
        int n = 0, wrong = 0;
        for (Map.Entry<Long, Map<?, ?>> point : points.entrySet()) {
            for (; n < point.getKey(); n++) {
                subtrees.add(leaves.get(n));
                widths.add(1L);
                while (widths.size() > 1 && widths.get(widths.size() - 1).equals(widths.get(widths.size() - 2))) {
                    byte[] right = subtrees.remove(subtrees.size() - 1);
                    subtrees.set(subtrees.size() - 1, sha256(new byte[] {1}, subtrees.get(subtrees.size() - 1), right));
                    widths.set(widths.size() - 2, 2 * widths.remove(widths.size() - 1));
                }
                Map<String, Object> e = entries.get(n);
                String type = e == null ? "" : e.get("type") + "";
                if (type.equals("signature") || type.equals("reaffirmation")) live.add(e.get("signer") + "");
                if (type.equals("withdrawal") || type.equals("invalidation")) live.remove(e.get("signer") + "");
            }
            byte[] root = sha256();
            for (int i = subtrees.size() - 1; i >= 0; i--) {
                root = i == subtrees.size() - 1 ? subtrees.get(i) : sha256(new byte[] {1}, subtrees.get(i), root);
            }
            Map<?, ?> p = point.getValue();
            if (!b64(root).equals(p.get("rootHash")) || live.size() != ((Number) p.get("count")).longValue()) {
                wrong++;
                fail("count history at " + p.get("time") + ": the service says size " + point.getKey() + ", root "
                        + p.get("rootHash") + ", count " + p.get("count") + "; the log's first " + point.getKey()
                        + " entries give root " + b64(root) + ", count " + live.size());
            }
        }
        if (wrong == 0) {
            ok(points.size() + " points of the count history: each size's root and count recomputed from the log");
        }
    }

    /**
     * (j) --snapshot: the current snapshot of the public signatories (/api/letters/<slug>/snapshot) lists the
     * signers live in the log at its checkpoint's size S. Its checkpoint must be signed by this log with the root of
     * the first S entries; each JSON line's public record must hash to its listing, the listing of a signer live at
     * S, no two lines alike; the CSV must list the same names in the same order. Listings live at S and not in the
     * snapshot are reported: their signers erased their data or were disowned since, or the host left them out.
     */
    void snapshot(List<byte[]> leaves, List<Map<String, Object>> entries, Checkpoint cp, boolean first)
            throws Fail, Grown {
        Map<?, ?> meta;
        List<String> lines, rows;
        try {
            meta = (Map<?, ?>) getJson("/api/letters/" + slug + "/snapshot");
            lines = utf8(get(meta.get("jsonl") + ""), "the snapshot's JSON Lines")
                    .lines()
                    .toList();
            rows = csvRows(utf8(get(meta.get("csv") + ""), "the snapshot's CSV"));
        } catch (Fail f) {
            if (f.status == 404 && first) throw new Grown(); // replaced while it was read: read everything again
            throw f;
        }
        long size = ((Number) meta.get("size")).longValue();
        if (size > cp.size()) {
            if (first) throw new Grown();
            throw new Fail(
                    "the snapshot is of tree size " + size + ", beyond the checkpoint verified (" + cp.size() + ")");
        }
        Note note = note(
                utf8(get(meta.get("checkpoint") + ""), "the snapshot's checkpoint"), keys, "the snapshot's checkpoint");
        byte[] root = size == 0 ? sha256() : mth(leaves, 0, (int) size);
        check(
                note.cp().size() == size && Arrays.equals(root, note.cp().root()),
                "the snapshot's checkpoint (tree size " + size + ") has the root of the log's first " + size
                        + " entries",
                "the snapshot's checkpoint says size " + note.cp().size() + ", root "
                        + note.cp().rootBase64() + "; the log's first " + size + " entries give root " + b64(root));
        Map<String, Signer> known = new HashMap<>(), live = new HashMap<>();
        for (int i = 0; i < size; i++) apply(known, live, entries.get(i));
        Set<String> committed = new HashSet<>(), seen = new HashSet<>();
        live.values().forEach(s -> {
            if (s.listing != null) committed.add(s.listing);
        });
        List<String> problems = new ArrayList<>(), names = new ArrayList<>();
        for (String line : lines) {
            Map<?, ?> item = (Map<?, ?>) new Json(line).parse();
            String listing = listingOf(item);
            names.add(item.get("name") + "");
            if (!listing.equals(item.get("listing"))) {
                problems.add(item.get("name") + ": the public record does not hash to its listing");
            } else if (!committed.contains(listing)) {
                problems.add(item.get("name") + ": no signer live at tree size " + size + " carries this listing");
            } else if (!seen.add(listing)) {
                problems.add(item.get("name") + ": listed twice");
            }
        }
        if (!Long.valueOf(names.size()).equals(((Number) meta.get("names")).longValue())) {
            problems.add("the snapshot says " + meta.get("names") + " names but lists " + names.size());
        }
        List<String> csvNames =
                rows.stream().skip(1).map(r -> r.split("\n", 2)[0]).toList();
        if (rows.isEmpty() || !rows.get(0).equals(String.join("\n", CSV_HEADER))) {
            problems.add("the snapshot's CSV does not have the signatory list's columns");
        } else if (!csvNames.equals(names.stream().map(Verify::defused).toList())) {
            problems.add("the snapshot's CSV does not list the same names in the same order as its JSON Lines");
        }
        report(
                problems,
                names.size() + " names in the snapshot at tree size " + size
                        + ", each the listing of a signer live in the log at that size; the CSV lists the same");
        long absent = committed.size() - seen.size();
        if (problems.isEmpty() && absent > 0) {
            System.out.printf(
                    "     %d public listings live at tree size %d are not in the snapshot: their signers erased their"
                            + " data or were disowned since (or the host left them out).%n",
                    absent, size);
        }
    }

    static final List<String> CSV_HEADER =
            List.of("name", "organisation", "role", "identity", "affiliation", "version", "signed_at");

    /**
     * RFC 4180 records, each as its fields joined by LF (a field holds no LF unquoted, and quoted ones are kept as
     * they are, so the first field is what was listed).
     */
    static List<String> csvRows(String csv) throws Fail {
        List<String> rows = new ArrayList<>();
        StringBuilder field = new StringBuilder(), row = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.append(field).append('\n');
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                rows.add(row.append(field).toString());
                row.setLength(0);
                field.setLength(0);
                i++;
            } else {
                field.append(c);
            }
        }
        if (quoted || row.length() + field.length() > 0) throw new Fail("the snapshot's CSV does not end its last row");
        return rows;
    }

    /** A CSV cell as the list writes it: a leading = + - @ tab or CR is defused with an apostrophe. */
    static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** RFC 9162 §2.1.1: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of 2 < n. */
    static byte[] mth(List<byte[]> leaves, int from, int to) {
        int k = Integer.highestOneBit(to - from - 1);
        return to - from == 1
                ? leaves.get(from)
                : sha256(new byte[] {1}, mth(leaves, from, from + k), mth(leaves, from + k, to));
    }

    static boolean ed25519(byte[] key, byte[] message, byte[] signature) throws Fail {
        try { // an Ed25519 SubjectPublicKeyInfo (RFC 8410) is this DER prefix followed by the 32 key bytes
            byte[] der = ByteBuffer.allocate(44)
                    .put(HEX.parseHex("302a300506032b6570032100"))
                    .put(key)
                    .array();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new Fail("the checkpoint signature cannot be checked: " + e.getMessage());
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Arrays.stream(parts).forEach(digest::update);
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * (h) The thread: every revision the thread API lists is a thread-revision entry of the log with the SHA-256 it
     * lists, the current revision's recomputed from the API's content (its canonical form: the entry without html,
     * revisions and retracted, each point without html, null fields left out, as RFC 8785 JSON), and every retraction
     * is a thread-retraction entry with the SHA-256 of its reason.
     */
    @SuppressWarnings("unchecked")
    void thread(List<Map<String, Object>> entries, Checkpoint cp, boolean first) throws Fail, Grown {
        Set<String> logged = new HashSet<>();
        for (Map<String, Object> e : entries) {
            if (e != null && "thread-revision".equals(e.get("type"))) {
                logged.add(e.get("entry") + " revision " + e.get("revision") + " " + e.get("sha256"));
            } else if (e != null && "thread-retraction".equals(e.get("type"))) {
                logged.add(
                        e.get("entry") + " retraction of revision " + e.get("revision") + " " + e.get("reasonSha256"));
            }
        }
        List<String> missing = new ArrayList<>();
        int revisions = 0, retractions = 0;
        for (Object item : (List<?>) ((Map<?, ?>) getJson("/api/letters/" + slug + "/thread")).get("entries")) {
            Map<String, Object> entry = new TreeMap<>((Map<String, Object>) item);
            List<Map<String, Object>> listed = (List<Map<String, Object>>) entry.remove("revisions");
            Map<String, Object> retracted = (Map<String, Object>) entry.remove("retracted");
            entry.remove("html");
            List<Object> points = new ArrayList<>();
            for (Object p : (List<?>) entry.get("points")) {
                Map<String, Object> point = new TreeMap<>((Map<String, Object>) p);
                point.remove("html");
                points.add(point);
            }
            entry.put("points", points);
            String id = entry.get("id") + "",
                    current =
                            HEX.formatHex(
                                    sha256(Json.canonical(withoutNulls(entry)).getBytes(UTF_8)));
            Object latest = listed.get(listed.size() - 1).get("revision");
            for (Map<String, Object> r : listed) {
                revisions++;
                String sha = r.get("revision").equals(latest) ? current : r.get("sha256") + "";
                if (!logged.contains(id + " revision " + r.get("revision") + " " + sha)) {
                    missing.add("revision " + r.get("revision") + " of '" + id + "' (SHA-256 " + sha + ")");
                }
            }
            if (retracted != null) {
                retractions++;
                String reason = HEX.formatHex(sha256((retracted.get("reason") + "").getBytes(UTF_8)));
                if (!logged.contains(id + " retraction of revision " + latest + " " + reason)) {
                    missing.add("the retraction of '" + id + "'");
                }
            }
        }
        if (!missing.isEmpty() && first) {
            long latestSize = note(
                            utf8(get("/log/" + slug + "/checkpoint"), "the latest checkpoint"),
                            keys,
                            "the latest checkpoint")
                    .cp()
                    .size();
            if (latestSize > cp.size()) throw new Grown();
        }
        check(
                missing.isEmpty(),
                "the thread's " + revisions + " revisions and " + retractions + " retractions are all in the log (the"
                        + " current revisions' SHA-256 recomputed from the thread)",
                "not in the log at tree size " + cp.size() + ": " + String.join("; ", missing));
    }

    /** The value with every null field of every object left out. */
    @SuppressWarnings("unchecked")
    static Object withoutNulls(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> {
                if (x != null) out.put(k, withoutNulls(x));
            });
            return out;
        } else if (v instanceof List<?> l) {
            return l.stream().map(Verify::withoutNulls).toList();
        }
        return v;
    }

    // ---- HTTP, encodings, output ------------------------------------------------------------------------------

    byte[] get(String path) throws Fail {
        return fetch(URI.create(base + path));
    }

    static byte[] fetch(URI uri) throws Fail {
        try {
            HttpResponse<byte[]> r = HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) return r.body();
            String detail = new String(r.body(), UTF_8).strip();
            try { // an RFC 9457 problem's detail, or else the first line
                detail = ((Map<?, ?>) new Json(detail).parse()).get("detail").toString();
            } catch (Fail | RuntimeException notAProblem) {
                detail = detail.lines().findFirst().orElse("");
            }
            throw new Fail(
                    "GET " + uri + " answered HTTP " + r.statusCode() + (detail.isBlank() ? "" : ": " + detail),
                    r.statusCode());
        } catch (IOException e) {
            throw new Fail("cannot fetch " + uri + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Fail("interrupted while fetching " + uri);
        }
    }

    Object getJson(String path) throws Fail {
        return new Json(utf8(get(path), base + path)).parse();
    }

    static String utf8(byte[] bytes, String what) throws Fail {
        try {
            return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Fail(what + " is not valid UTF-8");
        }
    }

    /** Standard padded base64 (RFC 4648 §4), accepted only in its one canonical spelling. */
    static byte[] unbase64(String text, String what) throws Fail {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (b64(bytes).equals(text)) return bytes;
        } catch (IllegalArgumentException e) {
            /* reported below */
        }
        throw new Fail(what + " is not canonical base64");
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static boolean hex64(Object value) {
        return value instanceof String s && s.matches("[0-9a-f]{64}");
    }

    static String tally(Map<String, Long> counts, String prefix, String separator) {
        return counts.isEmpty()
                ? "none"
                : String.join(
                        ", ",
                        counts.entrySet().stream()
                                .map(e -> prefix + e.getKey() + separator + e.getValue())
                                .toList());
    }

    void report(List<String> problems, String success) {
        check(
                problems.isEmpty(),
                success,
                String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                        + (problems.size() > 3 ? " (and " + (problems.size() - 3) + " more)" : ""));
    }

    void check(boolean passes, String success, String failure) {
        if (passes) {
            ok(success);
        } else {
            fail(failure);
        }
    }

    void ok(String message) {
        passed++;
        System.out.println("OK  " + message);
    }

    void fail(String message) {
        failed++;
        System.out.println("FAIL " + message);
    }

    /** A small strict JSON parser (RFC 8259), and RFC 8785 (JCS) serialisation of what it parses. */
    static final class Json {
        private final String s;
        private int i;

        Json(String text) {
            s = text;
        }

        Object parse() throws Fail {
            Object value = value();
            if (skip() != s.length()) throw new Fail("JSON with trailing characters");
            return value;
        }

        private Object value() throws Fail {
            char c = skip() < s.length() ? s.charAt(i) : 0;
            if (c == '{' || c == '[') {
                i++;
                Map<String, Object> map = new LinkedHashMap<>();
                List<Object> list = new ArrayList<>();
                if (!eat(c == '{' ? '}' : ']')) {
                    do {
                        String key = c == '{' ? string() : null;
                        if (key != null && (!eat(':') || map.containsKey(key))) {
                            throw new Fail("JSON object with a bad or repeated key at character " + i);
                        }
                        Object item = value();
                        if (key == null) {
                            list.add(item);
                        } else {
                            map.put(key, item);
                        }
                    } while (eat(','));
                    expect(c == '{' ? '}' : ']');
                }
                return c == '{' ? map : list;
            } else if (c == '"') {
                return string();
            }
            for (String literal : List.of("true", "false", "null")) {
                if (s.startsWith(literal, i)) {
                    i += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            String number = s.substring(start, i);
            if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                throw new Fail("not JSON at character " + start);
            }
            // integers stay exact; any other number stays text, with no canonical form here (JCS would write it as
            // ECMAScript does, and entries hold integers only)
            return number.matches("-?(0|[1-9][0-9]{0,15})") ? (Object) Long.valueOf(number) : new StringBuilder(number);
        }

        private String string() throws Fail {
            expect('"');
            StringBuilder out = new StringBuilder();
            for (char c; (c = i < s.length() ? s.charAt(i++) : 0) != '"'; out.append(c)) {
                if (c < 0x20) {
                    throw new Fail("JSON string unterminated or holding a control character");
                } else if (c == '\\') {
                    int at = i < s.length() ? "\"\\/bfnrtu".indexOf(s.charAt(i++)) : -1;
                    if (at < 0
                            || at == 8
                                    && !s.substring(i, Math.min(i + 4, s.length()))
                                            .matches("[0-9a-fA-F]{4}")) {
                        throw new Fail("JSON string with a bad escape");
                    }
                    c = at == 8 ? (char) Integer.parseInt(s.substring(i, i += 4), 16) : "\"\\/\b\f\n\r\t".charAt(at);
                }
            }
            return out.toString();
        }

        private int skip() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
            return i;
        }

        private boolean eat(char c) {
            boolean found = skip() < s.length() && s.charAt(i) == c;
            i += found ? 1 : 0;
            return found;
        }

        private void expect(char c) throws Fail {
            if (!eat(c)) throw new Fail("not JSON: " + c + " expected at character " + i);
        }

        /** RFC 8785 §3.2: no whitespace, keys sorted by UTF-16 code units (§3.2.3), minimal escapes (§3.2.2.2). */
        static String canonical(Object v) throws Fail {
            if (v instanceof Map<?, ?> map) {
                StringJoiner out = new StringJoiner(",", "{", "}");
                for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) { // String.compareTo: UTF-16 code units
                    out.add(canonical(e.getKey()) + ":" + canonical(e.getValue()));
                }
                return out.toString();
            } else if (v instanceof List<?> list) {
                StringJoiner out = new StringJoiner(",", "[", "]");
                for (Object item : list) out.add(canonical(item));
                return out.toString();
            } else if (v instanceof String str) {
                StringBuilder out = new StringBuilder("\"");
                for (char c : str.toCharArray()) {
                    int at = "\"\\\b\f\n\r\t".indexOf(c);
                    out.append(
                            at >= 0
                                    ? "\\" + "\"\\bfnrt".charAt(at)
                                    : c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
                return out.append('"').toString();
            } else if (v instanceof StringBuilder number) {
                throw new Fail("the number " + number + " is not an integer");
            }
            return String.valueOf(v); // a Long, a Boolean or null
        }
    }
}
