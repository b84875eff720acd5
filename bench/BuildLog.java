import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.undersigned.transparency.merkle.EntryBundle;
import org.undersigned.transparency.merkle.HashReader;
import org.undersigned.transparency.merkle.Hashes;
import org.undersigned.transparency.merkle.NodeId;
import org.undersigned.transparency.merkle.StoredHash;
import org.undersigned.transparency.merkle.StoredTree;
import org.undersigned.transparency.merkle.Tile;
import org.undersigned.transparency.merkle.TilePath;
import org.undersigned.transparency.note.Checkpoint;
import org.undersigned.transparency.note.Note;
import org.undersigned.transparency.note.SignerKey;

/**
 * Builds a large transparency log directly in a benchmark database (bench/log.sh), with the project's own Merkle code.
 *
 * <pre>
 * java -cp target/classes:&lt;postgresql.jar&gt; bench/BuildLog.java &lt;jdbc-url&gt; &lt;letter-id or slug&gt; &lt;entries&gt; [origin]
 * </pre>
 *
 * The database must have been migrated by the app (Flyway) and the letter loaded; the letter's log must be empty.
 * Entries are synthetic but shaped like real ones: RFC 8785 canonical JSON signature and withdrawal entries with
 * 64-hex signer ids (about 230 bytes on average). Leaf hashes and every complete subtree hash are computed by
 * {@code StoredTree.hashesToStore} in batches, fed by an in-memory {@code HashReader} holding only the right edge of
 * the tree (one hash per set bit of the size), and streamed with COPY into log_entry and log_hash (two connections,
 * two writer threads). The final root is cross-checked against an independent stack-based computation (and, for
 * up to 1,048,576 entries, against {@code Hashes.treeHash}). Then log_head and one checkpoint are inserted: when
 * {@code origin} is given (the app's {@code <host:port>/log/<slug>}), the checkpoint is a real signed note, signed
 * with the app's own key read from app_secret; otherwise the note is a placeholder (the app serves it as is).
 * Connection user/password: PGUSER/PGPASSWORD environment variables (default postgres, none).
 */
public class BuildLog {

    static final int BATCH = 65_536;
    static final byte[] POISON = new byte[0];

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: BuildLog <jdbc-url> <letter-id|slug> <entries> [origin]");
            System.exit(2);
        }
        String url = args[0];
        long entries = Long.parseLong(args[2].replace("_", ""));
        String origin = args.length > 3 ? args[3] : null;
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "");

        try (Connection meta = DriverManager.getConnection(url, user, password);
                Connection entryConn = DriverManager.getConnection(url, user, password);
                Connection hashConn = DriverManager.getConnection(url, user, password);
                Connection tileConn = DriverManager.getConnection(url, user, password)) {
            long letterId;
            String slug;
            try (PreparedStatement s = meta.prepareStatement(
                    args[1].matches("[0-9]+")
                            ? "SELECT id, slug FROM letter WHERE id = ?"
                            : "SELECT id, slug FROM letter WHERE slug = ?")) {
                if (args[1].matches("[0-9]+")) {
                    s.setLong(1, Long.parseLong(args[1]));
                } else {
                    s.setString(1, args[1]);
                }
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalArgumentException("no letter " + args[1]);
                    }
                    letterId = r.getLong(1);
                    slug = r.getString(2);
                }
            }
            try (PreparedStatement s = meta.prepareStatement(
                    "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM log_entry WHERE letter_id = ? LIMIT 1) e)"
                            + " + (SELECT COUNT(*) FROM log_head WHERE letter_id = ? AND size > 0)")) {
                s.setLong(1, letterId);
                s.setLong(2, letterId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) != 0) {
                        throw new IllegalStateException("the log of letter " + slug + " is not empty");
                    }
                }
            }
            // The app's own log key (app_secret), loaded before the long part so that a missing key fails early.
            SignerKey signer = null;
            if (origin != null) {
                try (PreparedStatement s =
                        meta.prepareStatement("SELECT secret FROM app_secret WHERE name = 'log-signing-key'")) {
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            throw new IllegalStateException("no log-signing-key in app_secret: start the app once");
                        }
                        signer = SignerKey.fromSeed(
                                origin,
                                Base64.getDecoder().decode(r.getString(1).strip()));
                    }
                }
            }
            System.err.printf("building %,d entries for letter %d (%s)%n", entries, letterId, slug);
            long t0 = System.nanoTime();

            CopyIn entryCopy = entryConn
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY log_entry (letter_id, idx, entry, signature_seq) FROM STDIN");
            CopyIn hashCopy = hashConn.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY log_hash (letter_id, level, idx, hash) FROM STDIN");
            CopyIn tileCopy = tileConn.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY log_tile (letter_id, path, data) FROM STDIN");
            Writer entryWriter = new Writer("log_entry", entryCopy);
            Writer hashWriter = new Writer("log_hash", hashCopy);
            Writer tileWriter = new Writer("log_tile", tileCopy);
            entryWriter.start();
            hashWriter.start();
            tileWriter.start();
            // full tiles as the sequencer stores them: hashes of levels 0, 8, 16... gathered 256 to a tile
            Map<String, byte[]> filling = new HashMap<>();
            Map<String, Integer> filled = new HashMap<>();
            long tileRows = 0;

            // The right edge: for each set bit of the size, the complete subtree ending there. All hashesToStore reads.
            Map<NodeId, byte[]> edge = new HashMap<>();
            HashReader reader = ids -> {
                List<byte[]> out = new ArrayList<>(ids.size());
                for (NodeId id : ids) {
                    byte[] h = edge.get(id);
                    if (h == null) {
                        throw new IllegalStateException("not on the right edge: " + id);
                    }
                    out.add(h);
                }
                return out;
            };
            // Independent check: the classic stack of perfect subtrees, merged as leaves arrive.
            List<byte[]> stackHash = new ArrayList<>();
            List<Long> stackSize = new ArrayList<>();
            List<byte[]> allLeaves = entries <= (1 << 20) ? new ArrayList<>() : null;

            Entries gen = new Entries(slug, letterId);
            long size = 0;
            long hashRows = 0;
            long entryBytes = 0;
            long lastReport = System.nanoTime();
            while (size < entries) {
                int n = (int) Math.min(BATCH, entries - size);
                List<byte[]> leaves = new ArrayList<>(n);
                List<byte[]> jsons = new ArrayList<>(n);
                ByteArrayOutputStream entryChunk = new ByteArrayOutputStream(n * 280);
                for (int i = 0; i < n; i++) {
                    long idx = size + i;
                    Entries.Row row = gen.row(idx);
                    byte[] json = row.json().getBytes(StandardCharsets.UTF_8);
                    jsons.add(json);
                    entryBytes += json.length;
                    byte[] leaf = Hashes.leafHash(json);
                    leaves.add(leaf);
                    if (allLeaves != null) {
                        allLeaves.add(leaf);
                    }
                    push(stackHash, stackSize, leaf);
                    entryChunk.write(ascii(letterId + "\t" + idx + "\t"));
                    entryChunk.write(copyText(json));
                    entryChunk.write(ascii("\t" + row.signatureSeq() + "\n"));
                }
                entryWriter.put(entryChunk.toByteArray());
                ByteArrayOutputStream tileChunk = new ByteArrayOutputStream();
                for (int b = 0; b + TilePath.FULL_WIDTH <= n; b += TilePath.FULL_WIDTH) { // batches start at k·256
                    ByteArrayOutputStream bundle = new ByteArrayOutputStream(TilePath.FULL_WIDTH * 260);
                    for (int i = b; i < b + TilePath.FULL_WIDTH; i++) {
                        byte[] json = jsons.get(i);
                        bundle.write(json.length >>> 8);
                        bundle.write(json.length & 0xff);
                        bundle.write(json);
                    }
                    tileChunk.write(tileRow(
                            letterId,
                            new EntryBundle((size + b) / TilePath.FULL_WIDTH, TilePath.FULL_WIDTH).path(),
                            bundle.toByteArray()));
                    tileRows++;
                }

                List<StoredHash> stored = StoredTree.hashesToStore(size, leaves, reader);
                ByteArrayOutputStream hashChunk = new ByteArrayOutputStream(stored.size() * 90);
                Map<NodeId, byte[]> fresh = new HashMap<>();
                for (StoredHash h : stored) {
                    hashChunk.write(ascii(letterId + "\t" + h.id().level() + "\t" + h.id().index() + "\t\\\\x"
                            + HexFormat.of().formatHex(h.hash()) + "\n"));
                    fresh.put(h.id(), h.hash());
                    if (h.id().level() % TilePath.HEIGHT == 0) {
                        long n256 = h.id().index() / TilePath.FULL_WIDTH;
                        String path = new Tile(h.id().level() / TilePath.HEIGHT, n256, TilePath.FULL_WIDTH).path();
                        byte[] body = filling.computeIfAbsent(path, k -> new byte[TilePath.FULL_WIDTH * Hashes.SIZE]);
                        System.arraycopy(
                                h.hash(),
                                0,
                                body,
                                (int) (h.id().index() % TilePath.FULL_WIDTH) * Hashes.SIZE,
                                Hashes.SIZE);
                        if (filled.merge(path, 1, Integer::sum) == TilePath.FULL_WIDTH) {
                            tileChunk.write(tileRow(letterId, path, filling.remove(path)));
                            filled.remove(path);
                            tileRows++;
                        }
                    }
                }
                tileWriter.put(tileChunk.toByteArray());
                hashRows += stored.size();
                hashWriter.put(hashChunk.toByteArray());

                long newSize = size + n;
                Map<NodeId, byte[]> newEdge = new HashMap<>();
                for (int level = 0; level < 63; level++) {
                    if ((newSize >> level & 1) == 1) {
                        NodeId id = new NodeId(level, (newSize >> level) - 1);
                        byte[] h = fresh.containsKey(id) ? fresh.get(id) : edge.get(id);
                        if (h == null) {
                            throw new IllegalStateException("right edge incomplete at " + id);
                        }
                        newEdge.put(id, h);
                    }
                }
                edge.clear();
                edge.putAll(newEdge);
                size = newSize;
                if (System.nanoTime() - lastReport > 10_000_000_000L || size == entries) {
                    lastReport = System.nanoTime();
                    double s = (lastReport - t0) / 1e9;
                    System.err.printf(
                            "  %,d entries, %,d hashes, %.0f s, %,.0f entries/s%n", size, hashRows, s, size / s);
                }
                entryWriter.check();
                hashWriter.check();
                tileWriter.check();
            }
            entryWriter.put(POISON);
            hashWriter.put(POISON);
            tileWriter.put(POISON);
            long entryRows = entryWriter.finish();
            long copiedHashes = hashWriter.finish();
            long copiedTiles = tileWriter.finish();
            long fullTiles = Tile.completedBy(0, entries).size();
            if (copiedTiles != tileRows || tileRows != fullTiles) {
                throw new IllegalStateException(
                        "copied " + copiedTiles + " of " + tileRows + " tiles, expected " + fullTiles);
            }
            double copySeconds = (System.nanoTime() - t0) / 1e9;

            if (copiedHashes != NodeId.storedHashCount(entries) || entryRows != entries) {
                throw new IllegalStateException("copied " + entryRows + " entries and " + copiedHashes
                        + " hashes, expected " + entries + " and " + NodeId.storedHashCount(entries));
            }
            checkStoredTiles(meta, letterId, entries);
            byte[] root = entries == 0 ? Hashes.emptyTreeHash() : StoredTree.treeHash(entries, reader);
            byte[] check = stackHash.get(stackHash.size() - 1);
            for (int i = stackHash.size() - 2; i >= 0; i--) {
                check = Hashes.nodeHash(stackHash.get(i), check);
            }
            if (!Arrays.equals(root, check)) {
                throw new IllegalStateException("root mismatch: stored-tree root differs from the stack computation");
            }
            if (allLeaves != null && !Arrays.equals(root, Hashes.treeHash(allLeaves))) {
                throw new IllegalStateException("root mismatch: stored-tree root differs from Hashes.treeHash");
            }
            String rootBase64 = Base64.getEncoder().encodeToString(root);

            String note = signer != null
                    ? Note.sign(new Checkpoint(origin, entries, root).format(), signer)
                            .format()
                    : "bench placeholder: " + slug + "\n" + entries + "\n" + rootBase64 + "\n";
            meta.setAutoCommit(false);
            try (PreparedStatement head = meta.prepareStatement("INSERT INTO log_head (letter_id, size) VALUES (?, ?) "
                            + "ON CONFLICT (letter_id) DO UPDATE SET size = EXCLUDED.size WHERE log_head.size = 0");
                    PreparedStatement cp = meta.prepareStatement("INSERT INTO log_checkpoint "
                            + "(letter_id, size, root, note, created_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                head.setLong(1, letterId);
                head.setLong(2, entries);
                if (head.executeUpdate() != 1) {
                    throw new IllegalStateException("log_head moved while building");
                }
                cp.setLong(1, letterId);
                cp.setLong(2, entries);
                cp.setString(3, rootBase64);
                cp.setString(4, note);
                cp.executeUpdate();
            }
            meta.commit();
            double total = (System.nanoTime() - t0) / 1e9;
            System.err.printf(
                    "built %,d entries (%,.0f bytes/entry on average) and %,d hashes in %.1f s "
                            + "(%,.0f entries/s); root %s; checkpoint %s%n",
                    entries,
                    entries == 0 ? 0.0 : (double) entryBytes / entries,
                    copiedHashes,
                    total,
                    entries / copySeconds,
                    rootBase64,
                    origin != null ? "signed for " + origin : "placeholder note");
            System.out.println("BUILD_SECONDS=" + String.format("%.1f", total));
            System.out.println("ROOT=" + rootBase64);
            System.out.println("AVG_ENTRY_BYTES=" + String.format("%.0f", (double) entryBytes / Math.max(1, entries)));
        }
    }

    static void push(List<byte[]> hashes, List<Long> sizes, byte[] leaf) {
        byte[] h = leaf;
        long s = 1;
        while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == s) {
            h = Hashes.nodeHash(hashes.remove(hashes.size() - 1), h);
            sizes.remove(sizes.size() - 1);
            s *= 2;
        }
        hashes.add(h);
        sizes.add(s);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Cross-checks some stored tiles (first, middle and last full one of each kind) against the rows they were made
     * from, assembled by PostgreSQL itself: hash tiles from log_hash, bundles from log_entry.
     */
    static void checkStoredTiles(Connection c, long letterId, long entries) throws SQLException {
        List<TilePath> full = Tile.completedBy(0, entries);
        List<TilePath> sample = new ArrayList<>();
        for (Class<?> kind : List.of(EntryBundle.class, Tile.class)) {
            for (int level = 0; level < 8; level++) {
                int l = level;
                List<TilePath> of = full.stream()
                        .filter(t ->
                                kind.isInstance(t) && (t instanceof EntryBundle ? l == 0 : ((Tile) t).level() == l))
                        .toList();
                if (!of.isEmpty()) {
                    sample.addAll(List.of(of.get(0), of.get(of.size() / 2), of.get(of.size() - 1)));
                }
            }
        }
        for (TilePath t : sample) {
            String rows = t instanceof EntryBundle b
                    ? "SELECT string_agg(substring(int4send(octet_length(convert_to(entry, 'UTF8'))) FROM 3 FOR 2)"
                            + " || convert_to(entry, 'UTF8'), ''::bytea ORDER BY idx) FROM log_entry"
                            + " WHERE letter_id = ? AND idx >= " + b.firstEntry() + " AND idx < "
                            + (b.firstEntry() + TilePath.FULL_WIDTH)
                    : "SELECT string_agg(hash, ''::bytea ORDER BY idx) FROM log_hash WHERE letter_id = ? AND level = "
                            + ((Tile) t).level() * TilePath.HEIGHT + " AND idx >= " + t.index() * TilePath.FULL_WIDTH
                            + " AND idx < " + (t.index() + 1) * TilePath.FULL_WIDTH;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT (SELECT data FROM log_tile WHERE letter_id = ? " + "AND path = ?) = (" + rows + ")")) {
                s.setLong(1, letterId);
                s.setString(2, t.path());
                s.setLong(3, letterId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || !r.getBoolean(1)) {
                        throw new IllegalStateException("stored " + t.path() + " differs from its rows");
                    }
                }
            }
        }
        System.err.printf("checked %d stored tiles against their rows%n", sample.size());
    }

    /** One log_tile row in COPY text format, the body as a bytea hex literal. */
    static byte[] tileRow(long letterId, String path, byte[] body) {
        return ascii(letterId + "\t" + path + "\t\\\\x" + HexFormat.of().formatHex(body) + "\n");
    }

    /** COPY text format: escape backslash, tab, newline and carriage return. */
    static byte[] copyText(byte[] utf8) {
        int extra = 0;
        for (byte b : utf8) {
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                extra++;
            }
        }
        if (extra == 0) {
            return utf8;
        }
        byte[] out = new byte[utf8.length + extra];
        int j = 0;
        for (byte b : utf8) {
            switch (b) {
                case '\\' -> {
                    out[j++] = '\\';
                    out[j++] = '\\';
                }
                case '\t' -> {
                    out[j++] = '\\';
                    out[j++] = 't';
                }
                case '\n' -> {
                    out[j++] = '\\';
                    out[j++] = 'n';
                }
                case '\r' -> {
                    out[j++] = '\\';
                    out[j++] = 'r';
                }
                default -> out[j++] = b;
            }
        }
        return out;
    }

    /** One COPY stream fed from a bounded queue by its own thread, so both tables load in parallel. */
    static final class Writer extends Thread {
        private final CopyIn copy;
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
        private volatile Exception failure;
        private long rows;

        Writer(String name, CopyIn copy) {
            super("copy-" + name);
            this.copy = copy;
            setDaemon(true);
        }

        void put(byte[] chunk) throws Exception {
            while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                check();
            }
        }

        void check() throws Exception {
            if (failure != null) {
                throw failure;
            }
        }

        long finish() throws Exception {
            join();
            check();
            return rows;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    byte[] chunk = queue.take();
                    if (chunk == POISON) {
                        break;
                    }
                    copy.writeToCopy(chunk, 0, chunk.length);
                }
                rows = copy.endCopy();
            } catch (Exception e) {
                failure = e;
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the connection is closed with the failure
                }
            }
        }
    }

    /**
     * Synthetic entries shaped like the app's (LogEntries, RFC 8785: keys in code-point order): 55 % signatures
     * (5 % of all entries listed, with a salted commitment), 45 % withdrawals (about 230 bytes on average); signature_seq like the app's.
     */
    static final class Entries {
        record Row(String json, long signatureSeq) {}

        private final String slug;
        private final SplittableRandom random;
        private final String textSha256;
        private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
        private final HexFormat hex = HexFormat.of();
        private final byte[] buf = new byte[32];

        Entries(String slug, long seed) {
            this.slug = slug;
            this.random = new SplittableRandom(seed * 7919 + 1);
            this.textSha256 = hexOf();
        }

        private String hexOf() {
            for (int i = 0; i < 32; i += 8) {
                long r = random.nextLong();
                for (int k = 0; k < 8; k++) {
                    buf[i + k] = (byte) (r >>> (8 * k));
                }
            }
            return hex.formatHex(buf);
        }

        Row row(long idx) {
            String time = start.plusSeconds(idx / 4).toString();
            String signer = hexOf();
            long seq = idx + 1;
            int kind = random.nextInt(100);
            if (kind < 45) {
                return new Row(
                        "{\"letter\":\"" + slug + "\",\"signer\":\"" + signer + "\",\"time\":\"" + time
                                + "\",\"type\":\"withdrawal\",\"v\":1}",
                        1 + random.nextLong(Math.max(1, idx)));
            }
            String evidence = kind < 85 ? "[\"email\"]" : kind < 97 ? "[\"orcid\"]" : "[\"orcid\",\"institution\"]";
            String listing = kind >= 95 ? ",\"listing\":\"" + hexOf() + "\"" : "";
            return new Row(
                    "{\"evidence\":" + evidence + ",\"letter\":\"" + slug + "\"" + listing + ",\"signer\":\""
                            + signer + "\",\"textSha256\":\"" + textSha256 + "\",\"time\":\"" + time
                            + "\",\"type\":\"signature\",\"v\":1,\"version\":1}",
                    seq);
        }
    }
}
