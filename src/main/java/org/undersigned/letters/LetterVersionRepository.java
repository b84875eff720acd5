package org.undersigned.letters;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class LetterVersionRepository implements PanacheRepository<LetterVersion> {

    List<LetterVersion> findByLetter(long letterId) {
        return list("letterId", Sort.by("number"), letterId);
    }

    Optional<LetterVersion> find(long letterId, int number) {
        return find("letterId = ?1 and number = ?2", letterId, number).firstResultOptional();
    }

    Optional<LetterVersion> findLatest(long letterId) {
        return find("letterId", Sort.descending("number"), letterId).firstResultOptional();
    }
}
