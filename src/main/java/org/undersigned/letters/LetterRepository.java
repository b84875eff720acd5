package org.undersigned.letters;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class LetterRepository implements PanacheRepository<Letter> {

    Optional<Letter> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    List<Letter> findPublic() {
        return list("status != ?1", Sort.by("title"), LetterStatus.DRAFT);
    }

    /** Serialises content loading across replicas: the row lock is held until the transaction ends. */
    void lockContent() {
        getEntityManager()
                .createNativeQuery("SELECT name FROM app_lock WHERE name = 'content' FOR UPDATE")
                .getResultList();
    }
}
