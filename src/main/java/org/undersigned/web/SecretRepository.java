package org.undersigned.web;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** app_secret: values generated once and shared by all replicas. */
@ApplicationScoped
class SecretRepository {

    @SuppressWarnings("unchecked")
    Optional<String> find(String name) {
        List<String> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT secret FROM app_secret WHERE name = ?1")
                .setParameter(1, name)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** Inserts unless another replica got there first (false); the caller reads back whichever value won. */
    boolean insertIfAbsent(String name, String value) {
        return Panache.getEntityManager()
                        .createNativeQuery("INSERT INTO app_secret (name, secret, created_at) "
                                + "VALUES (?1, ?2, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING")
                        .setParameter(1, name)
                        .setParameter(2, value)
                        .executeUpdate()
                == 1;
    }
}
