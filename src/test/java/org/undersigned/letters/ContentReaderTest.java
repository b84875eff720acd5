package org.undersigned.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentReaderTest {

    private static final String LETTER = "title: T\nsummary: S\nstatus: open\n";

    @TempDir
    Path content;

    @Test
    void readsALetterWithItsVersionsInOrder() throws IOException {
        Path dir = letter("ok", LETTER);
        version(dir, 2, "version: 2\npublished: 2026-01-02T00:00:00Z\nchanges: c2\ncarries_signatures: false\n", "Two");
        version(dir, 1, "version: 1\npublished: 2026-01-01T00:00:00Z\nchanges: c1\n", "One  \r\n");

        LetterSource source = new ContentReader().read(content).get(0);

        assertEquals("ok", source.slug());
        assertEquals(LetterStatus.OPEN, source.status());
        assertEquals(List.of("en"), source.languages());
        assertEquals(
                List.of(1, 2),
                source.versions().stream().map(LetterSource.Version::number).toList());
        assertEquals("One\n", source.versions().get(0).markdown());
        assertEquals(TextHash.sha256("One\n"), source.versions().get(0).textSha256());
        assertEquals(true, source.versions().get(0).carriesSignatures());
        assertEquals(false, source.versions().get(1).carriesSignatures());
    }

    @Test
    void theRepositorysOwnContentIsValid() {
        List<LetterSource> letters = new ContentReader().read(Path.of("content"));
        assertThat(letters)
                .extracting(LetterSource::slug)
                .contains("face-recognition-moratorium", "publish-the-benchmarks");
        LetterSource main = letters.stream()
                .filter(l -> l.slug().equals("face-recognition-moratorium"))
                .findFirst()
                .orElseThrow();
        assertThat(main.versions()).hasSize(2);
        assertThat(main.versions().get(1).carriesSignatures()).isFalse();
    }

    @Test
    void badYamlNamesTheFileAndTheLine() throws IOException {
        letter("bad", "title: [unclosed\nsummary: S\n");
        assertProblem("letter.yaml", "invalid YAML at line");
    }

    @Test
    void missingFieldIsNamed() throws IOException {
        Path dir = letter("nosummary", "title: T\nstatus: open\n");
        version(dir, 1, "version: 1\npublished: 2026-01-01T00:00:00Z\nchanges: c\n", "x");
        assertProblem("nosummary/letter.yaml", "missing field 'summary'");
    }

    @Test
    void missingFrontMatterFieldIsNamed() throws IOException {
        Path dir = letter("nochanges", LETTER);
        version(dir, 1, "version: 1\npublished: 2026-01-01T00:00:00Z\n", "x");
        assertProblem("v1.md", "missing field 'changes'");
    }

    @Test
    void laterVersionsMustSayWhetherTheyCarrySignatures() throws IOException {
        Path dir = letter("nocarry", LETTER);
        version(dir, 1, "version: 1\npublished: 2026-01-01T00:00:00Z\nchanges: c\n", "x");
        version(dir, 2, "version: 2\npublished: 2026-01-02T00:00:00Z\nchanges: c\n", "y");
        assertProblem("v2.md", "missing field 'carries_signatures'");
    }

    @Test
    void unknownStatusIsRejected() throws IOException {
        letter("weird", "title: T\nsummary: S\nstatus: published\n");
        assertProblem("letter.yaml", "unknown status 'published' (expected draft, open or closed)");
    }

    @Test
    void misspelledFieldIsRejectedRatherThanIgnored() throws IOException {
        letter("typo", "titel: T\ntitle: T\nsummary: S\nstatus: open\n");
        assertProblem("letter.yaml", "unknown field 'titel'");
    }

    @Test
    void duplicateVersionNumberIsRejected() throws IOException {
        Path dir = letter("dup", LETTER);
        version(dir, 1, "version: 1\npublished: 2026-01-01T00:00:00Z\nchanges: c\n", "x");
        Files.writeString(
                dir.resolve("v01.md"), "---\nversion: 1\npublished: 2026-01-01T00:00:00Z\nchanges: c\n---\ny\n");
        assertProblem("dup/v", "duplicate version 1");
    }

    @Test
    void gapInVersionNumbersIsRejected() throws IOException {
        Path dir = letter("gap", LETTER);
        version(dir, 1, "version: 1\npublished: 2026-01-01T00:00:00Z\nchanges: c\n", "x");
        version(dir, 3, "version: 3\npublished: 2026-01-03T00:00:00Z\nchanges: c\ncarries_signatures: true\n", "z");
        assertProblem("gap", "version 2 is missing");
    }

    @Test
    void versionMustMatchItsFileName() throws IOException {
        Path dir = letter("mismatch", LETTER);
        version(dir, 1, "version: 2\npublished: 2026-01-01T00:00:00Z\nchanges: c\ncarries_signatures: true\n", "x");
        assertProblem("v1.md", "declares version 2 but the file name says 1");
    }

    @Test
    void versionFileWithoutFrontMatterIsRejected() throws IOException {
        Path dir = letter("nofront", LETTER);
        Files.writeString(dir.resolve("v1.md"), "# Just text\n");
        assertProblem("v1.md", "must start with front matter");
        Files.writeString(dir.resolve("v1.md"), "---\nversion: 1\n# never closed\n");
        assertProblem("v1.md", "front matter is not closed");
    }

    @Test
    void openLetterWithoutAnyVersionIsRejected() throws IOException {
        letter("empty", LETTER);
        assertProblem("empty", "needs at least one version file");
    }

    @Test
    void invalidSlugIsRejected() throws IOException {
        letter("Not_A_Slug", LETTER);
        assertProblem("Not_A_Slug", "not a valid slug");
    }

    @Test
    void missingLetterYamlIsRejected() throws IOException {
        Files.createDirectories(content.resolve("letters/lonely"));
        assertProblem("lonely/letter.yaml", "missing");
    }

    private Path letter(String slug, String yaml) throws IOException {
        Path dir = Files.createDirectories(content.resolve("letters").resolve(slug));
        Files.writeString(dir.resolve("letter.yaml"), yaml);
        return dir;
    }

    private static void version(Path dir, int n, String frontMatter, String body) throws IOException {
        Files.writeString(dir.resolve("v" + n + ".md"), "---\n" + frontMatter + "---\n" + body);
    }

    private void assertProblem(String fileFragment, String problem) {
        ContentException e = assertThrows(ContentException.class, () -> new ContentReader().read(content));
        assertThat(e.getMessage()).contains(fileFragment).contains(problem);
    }
}
