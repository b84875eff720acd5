package org.undersigned.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recorded expectation under src/test/resources/golden. Run with {@code -Dgolden.update=true} to record anew
 * (after a change meant to alter it), then review the diff before committing it.
 */
final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {}

    static String read(String name) throws IOException {
        return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    }

    /** Fails unless {@code actual} equals the recorded text; records it instead when asked to. */
    static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual)
                .as("golden file %s (re-record with -Dgolden.update=true)", name)
                .isEqualTo(read(name));
    }
}
