package org.undersigned.attestations;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** attestation: envelopes as issued, by the public id of what they are about. */
@ApplicationScoped
class AttestationRepository {

    void insert(String subjectRef, String predicateType, String envelope, OffsetDateTime at) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO attestation (subject_ref, predicate_type, envelope, "
                        + "created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, subjectRef)
                .setParameter(2, predicateType)
                .setParameter(3, envelope)
                .setParameter(4, at)
                .executeUpdate();
    }

    void delete(String subjectRef) {
        Panache.getEntityManager()
                .createNativeQuery("DELETE FROM attestation WHERE subject_ref = ?1")
                .setParameter(1, subjectRef)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<String> envelopes(String subjectRef) {
        return Panache.getEntityManager()
                .createNativeQuery("SELECT envelope FROM attestation WHERE subject_ref = ?1 " + "ORDER BY id")
                .setParameter(1, subjectRef)
                .getResultList();
    }
}
