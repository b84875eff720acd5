package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** As in production, keys are not generated: a start without them fails and says which ones and how to make them. */
@QuarkusMainTest
@TestProfile(ProductionSecretsTest.AsInProduction.class)
class ProductionSecretsTest {

    /** Generation off and the test pepper removed, as the packaged application runs. */
    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("undersigned.secrets.generate", "false", "undersigned.signatures.pepper", "");
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @Launch(
            value = {},
            exitCode = 1)
    void aStartWithoutKeysFailsNamingEachMissingOneAndHowToMakeIt(LaunchResult result) {
        assertThat(result.getErrorOutput() + result.getOutput())
                .contains("UNDERSIGNED_LOG_PRIVATE_KEY (or UNDERSIGNED_LOG_PRIVATE_KEY_FILE")
                .contains("UNDERSIGNED_ORGANISERS_PRIVATE_KEY")
                .contains("UNDERSIGNED_ATTESTATIONS_PRIVATE_KEY")
                .contains("UNDERSIGNED_SIGNATURES_PEPPER")
                .contains("openssl rand -base64 32")
                .contains("UNDERSIGNED_SECRETS_FROM_DATABASE=true");
    }
}
