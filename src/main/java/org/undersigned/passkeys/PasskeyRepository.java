package org.undersigned.passkeys;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** passkey (V36): credentials by id, with their owner, sign counter and backup flags. */
@ApplicationScoped
class PasskeyRepository {

    /** A stored credential; binary values base64url. */
    record Row(
            String credentialId,
            Owner owner,
            String userHandle,
            String credential,
            long signCount,
            boolean uvInitialized,
            boolean backupEligible,
            boolean backupState) {}

    void insert(Row r, Instant now) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO passkey (credential_id, owner_kind, owner, user_handle, credential, "
                        + "sign_count, uv_initialized, backup_eligible, backup_state, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, r.credentialId())
                .setParameter(2, r.owner().kind())
                .setParameter(3, r.owner().id())
                .setParameter(4, r.userHandle())
                .setParameter(5, r.credential())
                .setParameter(6, r.signCount())
                .setParameter(7, r.uvInitialized())
                .setParameter(8, r.backupEligible())
                .setParameter(9, r.backupState())
                .setParameter(10, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    boolean exists(String credentialId) {
        return !Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM passkey WHERE credential_id = ?1")
                .setParameter(1, credentialId)
                .getResultList()
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    Optional<Row> find(String credentialId) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT credential_id, owner_kind, owner, user_handle, credential, sign_count, "
                        + "uv_initialized, backup_eligible, backup_state FROM passkey WHERE credential_id = ?1")
                .setParameter(1, credentialId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Row(
                        (String) r[0],
                        Owner.of((String) r[1], (String) r[2]),
                        (String) r[3],
                        (String) r[4],
                        ((Number) r[5]).longValue(),
                        (Boolean) r[6],
                        (Boolean) r[7],
                        (Boolean) r[8]));
    }

    /** The owner's credential ids, so a new passkey on the same authenticator is refused before it is made. */
    @SuppressWarnings("unchecked")
    List<String> idsOf(Owner owner) {
        return Panache.getEntityManager()
                .createNativeQuery("SELECT credential_id FROM passkey WHERE owner_kind = ?1 AND owner = ?2 "
                        + "ORDER BY created_at")
                .setParameter(1, owner.kind())
                .setParameter(2, owner.id())
                .getResultList();
    }

    /**
     * Records a use: the new counter and backup state, only if the counter is still the one verified against, so
     * that two replicas accepting copies of one assertion at once cannot both succeed.
     */
    boolean used(String credentialId, long verifiedAgainst, long signCount, boolean backupState, Instant now) {
        return Panache.getEntityManager()
                        .createNativeQuery("UPDATE passkey SET sign_count = ?1, backup_state = ?2, last_used_at = ?3 "
                                + "WHERE credential_id = ?4 AND sign_count = ?5")
                        .setParameter(1, signCount)
                        .setParameter(2, backupState)
                        .setParameter(3, now.atOffset(ZoneOffset.UTC))
                        .setParameter(4, credentialId)
                        .setParameter(5, verifiedAgainst)
                        .executeUpdate()
                == 1;
    }

    int deleteAll(Owner owner) {
        return Panache.getEntityManager()
                .createNativeQuery("DELETE FROM passkey WHERE owner_kind = ?1 AND owner = ?2")
                .setParameter(1, owner.kind())
                .setParameter(2, owner.id())
                .executeUpdate();
    }
}
