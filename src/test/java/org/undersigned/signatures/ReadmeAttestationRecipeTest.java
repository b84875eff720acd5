package org.undersigned.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;

/** The README's OpenSSL recipe verifies a real attestation over a non-ASCII name, as a reader would run it. */
@QuarkusTest
class ReadmeAttestationRecipeTest {

    @MailServer.Inject
    GreenMail mail;

    @ConfigProperty(name = "undersigned.public-url")
    String publicUrl;

    @Test
    void theReadmesOpensslRecipeVerifiesAnAttestation() throws Exception {
        String id = Signing.signAndConfirm(
                mail,
                "sample-letter",
                Map.of("name", "Zoë Ñúñez 日本", "email", Signing.address("recipe", "example.org"), "listing", "public"));
        Matcher m = Pattern.compile(
                        "```sh\n(curl -s https://letters\\.example\\.org/\\.well-known.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("README.md")));
        assertThat(m.find()).as("README shows the OpenSSL recipe").isTrue();
        String script =
                m.group(1).replace("https://letters.example.org", publicUrl).replace("<id>", id);

        Path dir = Files.createTempDirectory(Path.of("target"), "recipe");
        Process p = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("Signature Verified Successfully");

        // and the same recipe refuses a statement changed by one byte
        Files.writeString(
                dir.resolve("payload.json"),
                Files.readString(dir.resolve("payload.json")).replace("Zoë", "Zoe"));
        String again = script.substring(script.indexOf("type="));
        Process q = new ProcessBuilder("bash", "-c", again)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String refused = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(q.waitFor()).as(refused).isNotZero();
    }
}
