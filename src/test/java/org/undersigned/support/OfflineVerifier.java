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

    private static final String SOURCE = "verify/Verify.java";

    private OfflineVerifier() {}

    /** Runs the verifier compiled once for the suite ({@link SourcePrograms}). */
    public static Run verify(String... args) throws Exception {
        return run(SourcePrograms.command(SOURCE), args);
    }

    /** Runs it exactly as a journalist would: {@code java verify/Verify.java ...}, compiled at launch. */
    public static Run fromSource(String... args) throws Exception {
        return run(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), SOURCE), args);
    }

    private static Run run(List<String> launch, String... args) throws Exception {
        List<String> command = new ArrayList<>(launch);
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
