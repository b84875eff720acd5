package org.undersigned.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The journalist's verifier (verify/Verify.java) run as a separate JDK process, as a journalist would run it. */
public final class OfflineVerifier {

    /** What the verifier printed and its exit status. */
    public record Run(int exit, String output) {}

    private OfflineVerifier() {}

    public static Run verify(String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "verify/Verify.java"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("Verify.java finished")
                .isTrue();
        return new Run(process.exitValue(), output);
    }
}
