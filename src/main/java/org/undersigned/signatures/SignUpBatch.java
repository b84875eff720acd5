package org.undersigned.signatures;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.undersigned.mail.MailShape;
import org.undersigned.mail.Outbox;
import org.undersigned.mail.ShapedMail;

/**
 * A batch of first sign-ups stored by one PostgreSQL statement: the signatures, then, for those the unique key let
 * in, their confirmation tokens and mails (each a shape, stored once, and its fills: mail.MailShape). Each column
 * travels as one array, so the statement's text is the same for every batch size (prepared once per connection), and
 * on a connection in auto-commit the batch is stored and committed in a single round trip (docs/ARCHITECTURE.md,
 * "Sign-ups": a transaction of three batched inserts took five round trips, and its writer left PostgreSQL idle in
 * the transaction between them).
 */
final class SignUpBatch {

    /** One first sign-up: its row, the hash of its confirmation token, the token's expiry, its mail. */
    record Item(Signature signature, String tokenHash, OffsetDateTime expiresAt, ShapedMail mail) {}

    private SignUpBatch() {}

    private static final String STORE = "WITH given AS ("
            + "SELECT * FROM unnest(?::uuid[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::bool[], ?::text[], ?::text[], ?::int4[], ?::text[], "
            + "?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS g(id, letter_id, "
            + "live_key, email, name, name_folded, organisation, role, comment, listing, notify, identity_method, "
            + "affiliation_level, version_number, text_sha256, created_at, network_tag, language, token_hash, "
            + "expires_at, mail_to, mail_subject, mail_shape, mail_fills, mail_tag, mail_language)), "
            + "shapes AS ("
            + Outbox.insertShapesFrom("unnest(?::text[], ?::text[], ?::text[]) AS m(shape_id, shape_text, shape_html)")
            + "), "
            + "stored AS (INSERT INTO signature (id, letter_id, status, live_key, email, name, name_folded, "
            + "organisation, role, comment, listing, notify, identity_method, affiliation_level, version_number, "
            + "text_sha256, created_at, network_tag, language) "
            + "SELECT id, letter_id, 'PENDING', live_key, email, name, name_folded, organisation, role, comment, "
            + "listing, notify, identity_method, affiliation_level, version_number, text_sha256, created_at, "
            + "network_tag, language FROM given "
            // a live signature of the same address on the letter, or the same address twice in the batch: no row,
            // no token, no mail; the caller hands that sign-up to the general path
            + "ON CONFLICT DO NOTHING RETURNING id, seq), "
            + "confirming AS (SELECT g.*, s.seq, ?::timestamptz AS mail_at FROM stored s JOIN given g USING (id)), "
            + "tokens AS (INSERT INTO signature_token (hash, signature_seq, purpose, created_at, expires_at) "
            + "SELECT token_hash, seq, 'CONFIRM', created_at, expires_at FROM confirming), "
            + "queued AS (" + Outbox.insertFrom("confirming") + ") "
            + "SELECT id, seq FROM stored";

    /**
     * Stores {@code items} on {@code c}: committed at once on a connection in auto-commit, else in its transaction.
     * Returns the row numbers of the signatures stored, by public id.
     */
    static Map<UUID, Long> store(Connection c, List<Item> items, OffsetDateTime now) throws SQLException {
        try (PreparedStatement store = c.prepareStatement(STORE)) {
            int i = 0;
            store.setArray(++i, array(c, items, it -> it.signature().id.toString()));
            store.setArray(++i, c.createArrayOf("int8", column(items, it -> it.signature().letterId)));
            store.setArray(++i, array(c, items, it -> it.signature().liveKey));
            store.setArray(++i, array(c, items, it -> it.signature().email));
            store.setArray(++i, array(c, items, it -> it.signature().name));
            store.setArray(++i, array(c, items, it -> it.signature().nameFolded));
            store.setArray(++i, array(c, items, it -> it.signature().organisation));
            store.setArray(++i, array(c, items, it -> it.signature().role));
            store.setArray(++i, array(c, items, it -> it.signature().comment));
            store.setArray(++i, array(c, items, it -> it.signature().listing.wire()));
            store.setArray(++i, c.createArrayOf("bool", column(items, it -> it.signature().notify)));
            store.setArray(
                    ++i, array(c, items, it -> it.signature().identityMethod.wire()));
            store.setArray(
                    ++i, array(c, items, it -> it.signature().affiliationLevel.wire()));
            store.setArray(++i, c.createArrayOf("int4", column(items, it -> it.signature().versionNumber)));
            store.setArray(++i, array(c, items, it -> it.signature().textSha256));
            store.setArray(++i, array(c, items, it -> it.signature().createdAt.toString()));
            store.setArray(++i, array(c, items, it -> it.signature().networkTag));
            store.setArray(++i, array(c, items, it -> it.signature().language));
            store.setArray(++i, array(c, items, Item::tokenHash));
            store.setArray(++i, array(c, items, it -> it.expiresAt().toString()));
            store.setArray(++i, array(c, items, it -> it.mail().to()));
            store.setArray(++i, array(c, items, it -> it.mail().subject()));
            store.setArray(++i, array(c, items, it -> it.mail().shape().id()));
            store.setArray(++i, array(c, items, it -> it.mail().fillsJson()));
            store.setArray(++i, array(c, items, it -> it.mail().tag()));
            store.setArray(++i, array(c, items, it -> it.mail().language()));
            // each shape once: most batches share one
            List<MailShape> shapes =
                    items.stream().map(it -> it.mail().shape()).distinct().toList();
            store.setArray(++i, array(c, shapes, MailShape::id));
            store.setArray(++i, array(c, shapes, MailShape::text));
            store.setArray(++i, array(c, shapes, MailShape::html));
            store.setObject(++i, now);
            Map<UUID, Long> seqs = new HashMap<>();
            try (ResultSet rows = store.executeQuery()) {
                while (rows.next()) {
                    seqs.put(rows.getObject("id", UUID.class), rows.getLong("seq"));
                }
            }
            return seqs;
        }
    }

    private static <T> Array array(Connection c, List<T> rows, Function<T, String> field) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(field).toArray(String[]::new));
    }

    private static Object[] column(List<Item> items, Function<Item, Object> field) {
        return items.stream().map(field).toArray();
    }
}
