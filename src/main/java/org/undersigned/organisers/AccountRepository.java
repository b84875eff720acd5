package org.undersigned.organisers;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.undersigned.web.SqlTimes;

/** organiser_account (V36): who may sign in with a passkey, as what, for which letters. */
@ApplicationScoped
class AccountRepository {

    /** An account; {@code letters} only matter for a subject that is no ORCID iD. */
    record Account(
            String subject,
            String role,
            List<String> letters,
            String userHandle,
            String invitedBy,
            Instant createdAt) {}

    private static final String COLUMNS = "subject, role, letters, user_handle, invited_by, created_at";

    @SuppressWarnings("unchecked")
    Optional<Account> find(String subject) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT " + COLUMNS + " FROM organiser_account WHERE subject = ?1")
                .setParameter(1, subject)
                .getResultList();
        return rows.stream().findFirst().map(AccountRepository::account);
    }

    @SuppressWarnings("unchecked")
    List<Account> all(int limit) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT " + COLUMNS + " FROM organiser_account ORDER BY created_at DESC, subject")
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(AccountRepository::account).toList();
    }

    boolean anyAdmin() {
        return !Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM organiser_account WHERE role = 'admin'")
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Creates the account, or gives an existing one the invitation's role and letters. */
    void save(Account a) {
        var em = Panache.getEntityManager();
        int updated = em.createNativeQuery("UPDATE organiser_account SET role = ?1, letters = ?2 WHERE subject = ?3")
                .setParameter(1, a.role())
                .setParameter(2, String.join(",", a.letters()))
                .setParameter(3, a.subject())
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO organiser_account (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, a.subject())
                    .setParameter(2, a.role())
                    .setParameter(3, String.join(",", a.letters()))
                    .setParameter(4, a.userHandle())
                    .setParameter(5, a.invitedBy())
                    .setParameter(6, a.createdAt().atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        }
    }

    boolean delete(String subject) {
        return Panache.getEntityManager()
                        .createNativeQuery("DELETE FROM organiser_account WHERE subject = ?1")
                        .setParameter(1, subject)
                        .executeUpdate()
                == 1;
    }

    static List<String> slugs(String letters) {
        return letters.isEmpty() ? List.of() : Arrays.asList(letters.split(","));
    }

    private static Account account(Object[] r) {
        return new Account(
                (String) r[0],
                (String) r[1],
                slugs((String) r[2]),
                (String) r[3],
                (String) r[4],
                SqlTimes.utc(r[5]).toInstant());
    }
}
