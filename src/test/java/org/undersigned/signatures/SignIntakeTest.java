package org.undersigned.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Mail;
import org.undersigned.support.MailParts;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Rows;

/** The batched writer of first sign-ups: each stored whole (row, token, mail) or handed back with nothing stored. */
@QuarkusTest
class SignIntakeTest {

    @Inject
    SignIntake intake;

    @Inject
    SignUps signUps;

    @Inject
    SignableLetters letters;

    @Inject
    AgroalDataSource dataSource;

    @MailServer.Inject
    GreenMail mail;

    private SigningTarget letter() {
        return QuarkusTransaction.requiringNew()
                .call(() -> letters.ifOpen(ConcurrentSigningTest.LETTER).orElseThrow());
    }

    private SignUps.First first(SigningTarget letter, String email, String name, String language) {
        return signUps.prepare(
                letter,
                new SignRequest(name, email, "University of Nowhere", null, "public", null, true),
                null,
                language);
    }

    private CompletableFuture<Boolean> submit(SignUps.First f) {
        return intake.submit(
                f.signature(),
                f.confirmation().tokenHash(),
                f.confirmation().expiresAt(),
                f.confirmation().mail());
    }

    @Test
    void signUpsQueuedTogetherAreEachStoredWithTheirOwnTokenAndMail() throws Exception {
        SigningTarget letter = letter();
        List<SignUps.First> firsts = IntStream.range(0, 20)
                .mapToObj(i -> first(
                        letter, SigningFlowTest.unique("batch" + i), "Batch Signer " + i, i % 2 == 0 ? "fr" : null))
                .toList();
        List<CompletableFuture<Boolean>> written =
                firsts.stream().map(this::submit).toList();

        for (int i = 0; i < firsts.size(); i++) {
            SignUps.First f = firsts.get(i);
            assertThat(written.get(i).get()).as("sign-up %d stored", i).isTrue();
            assertThat(f.confirmation().mail().fills()).containsEntry("name", "Batch Signer " + i);
            assertThat(stored(f))
                    .isEqualTo(List.of(
                            "PENDING",
                            f.signature().email,
                            "Batch Signer " + i,
                            "University of Nowhere",
                            "public",
                            String.valueOf(i % 2 == 0 ? "fr" : null),
                            f.confirmation().tokenHash(),
                            "CONFIRM",
                            f.confirmation().mail().subject(),
                            f.confirmation().mail().shape().text(),
                            f.confirmation().mail().fillsJson(),
                            String.valueOf(f.confirmation().mail().language()),
                            String.valueOf(f.confirmation().mail().tag())));
        }
    }

    @Test
    void aQueuedShapeIsSentFilledInWithTheSignersNameAndLinkInBothBodies() throws Exception {
        SigningTarget letter = letter();
        String email = SigningFlowTest.unique("shaped");
        SignUps.First f = first(letter, email, "Zoë <O'Shape> & Co", "fr");
        assertThat(submit(f).get()).isTrue();

        MimeMessage sent = Mailbox.await(mail, email, 1);
        Mail expected = f.confirmation().mail().render();
        assertThat(Mailbox.subject(sent)).isEqualTo(expected.subject());
        assertThat(MailParts.language(sent)).isEqualTo("fr");
        // the MIME parser drops a body's last line break
        assertThat(MailParts.text(sent).replace("\r\n", "\n").strip())
                .isEqualTo(expected.text().strip())
                .contains("Zoë <O'Shape> & Co")
                .contains(f.confirmation().mail().fills().get("link"));
        assertThat(MailParts.html(sent).replace("\r\n", "\n").strip())
                .isEqualTo(expected.html().strip())
                .contains("Zoë &lt;O&#39;Shape&gt; &amp; Co");
        // once sent, nothing of the mail is left: the row goes, with the name and link it held
        assertThat(Rows.awaitCount(
                        0, dataSource, "SELECT count(*) FROM mail_outbox WHERE fills LIKE '%' || ? || '%'", "O'Shape"))
                .isZero();
    }

    @Test
    void aSignUpForAnAddressAlreadyPendingOnTheLetterIsHandedBackAndStoresNothing() throws Exception {
        SigningTarget letter = letter();
        String email = SigningFlowTest.unique("again");
        SignUps.First one = first(letter, email, "First Try", null);
        assertThat(submit(one).get()).isTrue();

        SignUps.First again = first(letter, email, "Second Try", null);
        assertThat(submit(again).get()).isFalse();
        assertThat(Rows.count(dataSource, "SELECT count(*) FROM signature WHERE email = ?", email))
                .isEqualTo(1);
        assertThat(Rows.count(dataSource, "SELECT count(*) FROM mail_outbox WHERE recipient = ?", email))
                .isEqualTo(1);
        assertThat(Rows.count(
                        dataSource,
                        "SELECT count(*) FROM signature_token t JOIN signature s ON s.seq = t.signature_seq "
                                + "WHERE s.email = ?",
                        email))
                .isEqualTo(1);
    }

    @Test
    void aBatchTheDatabaseRefusesStoresNoneOfItsSignUps() throws Exception {
        SigningTarget letter = letter();
        SignUps.First fine = first(letter, SigningFlowTest.unique("fine"), "Fine Signer", null);
        SignUps.First tooLong = first(letter, SigningFlowTest.unique("long"), "Long Signer", null);
        tooLong.signature().name = "x".repeat(SignRequest.NAME_MAX + 1); // past the column's length: SQL state 22001
        List<SignUpBatch.Item> items = new ArrayList<>();
        for (SignUps.First f : List.of(fine, tooLong)) {
            items.add(new SignUpBatch.Item(
                    f.signature(),
                    f.confirmation().tokenHash(),
                    f.confirmation().expiresAt(),
                    f.confirmation().mail()));
        }
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThatThrownBy(() -> SignUpBatch.store(c, items, OffsetDateTime.now(ZoneOffset.UTC)))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22001"));
        }
        for (SignUps.First f : List.of(fine, tooLong)) {
            assertThat(Rows.count(dataSource, "SELECT count(*) FROM signature WHERE email = ?", f.signature().email))
                    .isZero();
            assertThat(Rows.count(
                            dataSource, "SELECT count(*) FROM mail_outbox WHERE recipient = ?", f.signature().email))
                    .isZero();
            assertThat(Rows.count(
                            dataSource,
                            "SELECT count(*) FROM signature_token WHERE hash = ?",
                            f.confirmation().tokenHash()))
                    .isZero();
        }
    }

    /** What the database holds for a sign-up: its row, its token, its queued mail. */
    private List<String> stored(SignUps.First f) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT s.status, s.email, s.name, s.organisation, "
                        + "s.listing, s.language, t.hash, t.purpose, m.subject, sh.text_body, m.fills, m.language, m.tag "
                        + "FROM signature s JOIN signature_token t ON t.signature_seq = s.seq "
                        + "JOIN mail_outbox m ON m.recipient = s.email JOIN mail_shape sh ON sh.id = m.shape "
                        + "WHERE s.id = ?")) {
            q.setObject(1, f.signature().id);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).as("stored").isTrue();
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 13; i++) {
                    row.add(String.valueOf(r.getString(i)));
                }
                assertThat(r.next()).as("one row, one token, one mail").isFalse();
                return row;
            }
        }
    }
}
