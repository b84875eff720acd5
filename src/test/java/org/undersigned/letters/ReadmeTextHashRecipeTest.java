package org.undersigned.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's shell recipe for the text hash must agree with the service on every version file we have. */
class ReadmeTextHashRecipeTest {

    @Test
    void readmeShellRecipeComputesTheSameHashAsTheService() throws Exception {
        String recipe = recipe();
        List<Path> files;
        try (Stream<Path> walk =
                Stream.concat(Files.walk(Path.of("content")), Files.walk(Path.of("src/test/content")))) {
            files = walk.filter(p -> p.getFileName().toString().matches("v[0-9]+\\.md"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            String expected = new ContentReader().readVersion(file).textSha256();
            assertThat(run(recipe.replace("v2.md", "'" + file + "'")))
                    .as(file.toString())
                    .startsWith(expected + " ");
        }
    }

    private static String recipe() throws IOException {
        Matcher m = Pattern.compile("```sh\n(sed 's/\\\\r\\$//' v2\\.md.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("README.md")));
        assertThat(m.find()).as("README shows the sed/awk recipe").isTrue();
        return m.group(1);
    }

    private static String run(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
