package org.undersigned.organisers;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies organiser tokens with this deployment's own key, which may have been generated and stored in the
 * database (so it cannot be a static {@code mp.jwt.verify.publickey}): EdDSA only, issuer and expiry required.
 */
@ApplicationScoped
@Alternative
@Priority(1)
class OrganiserTokenFactory extends JWTCallerPrincipalFactory {

    private final JwtConsumer consumer;

    OrganiserTokenFactory(OrganiserKeys keys, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA)
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(issuer)
                .setAllowedClockSkewInSeconds(30)
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        try {
            JwtContext context = consumer.process(token);
            return new DefaultJWTCallerPrincipal(token, "JWT", context.getJwtClaims());
        } catch (InvalidJwtException e) {
            throw new ParseException(
                    "organiser token refused: "
                            + e.getErrorDetails().stream()
                                    .findFirst()
                                    .map(d -> d.getErrorMessage())
                                    .orElse("invalid"),
                    e);
        }
    }
}
