package org.undersigned.signatures;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class TokenRepository implements PanacheRepositoryBase<SignatureToken, String> {}
