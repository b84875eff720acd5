package org.undersigned.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.TextHash;

/** The schema is what it was: no migration added, removed or edited (each listed with its SHA-256). */
class MigrationsGoldenTest {

    @Test
    void theMigrationsAreExactlyTheRecordedOnes() throws IOException {
        Path root = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.walk(root)) {
            String listing = files.filter(Files::isRegularFile)
                    .sorted()
                    .map(f -> root.relativize(f) + " " + sha256(f))
                    .collect(Collectors.joining("\n", "", "\n"));
            Golden.check("migrations.txt", listing);
        }
    }

    private static String sha256(Path file) {
        try {
            return TextHash.sha256(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
