package org.undersigned.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * The single-file programs shipped beside the app (verify/Verify.java, witness/Witness.java) as the tests start them:
 * compiled once per version of the source, then run from their classes. Launched from source, each start compiles
 * the file again (seconds of CPU on this machine), and the suite starts them dozens of times. The same source makes
 * the same program; {@code VerifyToolTest} still runs the verifier from source, as a journalist would.
 */
public final class SourcePrograms {

    private static final Path COMPILED = Path.of("target", "source-programs");

    private SourcePrograms() {}

    /** The command that runs {@code source} (a path from the project's root), its arguments still to add. */
    public static List<String> command(String source) {
        Path file = Path.of(source);
        String main = file.getFileName().toString().replaceFirst("\\.java$", "");
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", // short-lived: the first tier's code is soon enough
                "-cp",
                classes(file).toAbsolutePath().toString(),
                main);
    }

    /**
     * The classes of {@code source}, in a folder named after its content: compiled into a folder of its own first
     * and then moved in whole, so a program never starts from a half-written folder, whichever test JVM (or class
     * loader) asks first.
     */
    private static synchronized Path classes(Path source) {
        try {
            byte[] text = Files.readAllBytes(source);
            String name = source.getFileName() + "-"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(text))
                            .substring(0, 16);
            Path done = COMPILED.resolve(name);
            if (Files.isDirectory(done)) {
                return done;
            }
            Files.createDirectories(COMPILED);
            Path building = Files.createTempDirectory(COMPILED, name + "-");
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int exit = ToolProvider.getSystemJavaCompiler()
                    .run(null, errors, errors, "-d", building.toString(), source.toString());
            if (exit != 0) {
                throw new IllegalStateException("javac " + source + ": " + errors.toString(UTF_8));
            }
            try {
                Files.move(building, done, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException movedMeanwhile) {
                if (!Files.isDirectory(done)) { // else another JVM moved the same classes in first
                    throw movedMeanwhile;
                }
            }
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
