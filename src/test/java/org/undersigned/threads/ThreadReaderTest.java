package org.undersigned.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadReaderTest {

    @Test
    void theShippedSampleThreadLoadsAndAnswersTheCompanysClaimsPointByPoint() {
        Map<String, List<ThreadEntry>> threads = new ThreadReader().read(Path.of("content"));
        List<ThreadEntry> thread = threads.get("face-recognition-moratorium");
        assertThat(thread).extracting(ThreadEntry::kind).contains("study", "response", "rebuttal", "statement");
        assertThat(thread.stream().filter(e -> e.kind().equals("response")))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.organisation()).isEqualTo("Amazon"));
        ThreadEntry rebuttal = thread.stream()
                .filter(e -> e.kind().equals("rebuttal"))
                .findFirst()
                .orElseThrow();
        ThreadEntry answered = thread.stream()
                .filter(e -> e.id().equals(rebuttal.respondsTo()))
                .findFirst()
                .orElseThrow();
        Set<String> answeredClaims =
                rebuttal.points().stream().map(ThreadEntry.Point::claim).collect(Collectors.toSet());
        assertThat(answeredClaims)
                .containsExactlyInAnyOrderElementsOf(
                        answered.claims().stream().map(ThreadEntry.Claim::id).toList());
    }

    @Test
    void aPointNamingAClaimTheAnsweredEntryDoesNotMakeFailsNamingTheFile(@TempDir Path dir) throws IOException {
        write(dir, "a", "id: a\nkind: study\ntitle: A\ndate: 2026-01-01\nclaims:\n  - {id: a-one, text: One.}\n");
        write(
                dir,
                "b",
                "id: b\nkind: response\ntitle: B\ndate: 2026-01-02\nresponds_to: a\n"
                        + "points:\n  - {claim: a-two, body: No.}\n");
        assertThatThrownBy(() -> new ThreadReader().readThread(dir))
                .isInstanceOf(ThreadContentException.class)
                .hasMessageContaining("b.md")
                .hasMessageContaining("claim 'a-two', which 'a' does not make")
                .hasMessageContaining("its claims: a-one");
    }

    @Test
    void respondingToAnUnknownEntryFailsNamingTheFile(@TempDir Path dir) throws IOException {
        write(dir, "b", "id: b\nkind: response\ntitle: B\ndate: 2026-01-02\nresponds_to: nowhere\n");
        assertThatThrownBy(() -> new ThreadReader().readThread(dir))
                .hasMessageContaining("b.md")
                .hasMessageContaining("responds_to 'nowhere' is not an entry of this thread");
    }

    @Test
    void idsAreUniqueAcrossEntriesAndClaims(@TempDir Path dir) throws IOException {
        write(dir, "a", "id: a\nkind: study\ntitle: A\ndate: 2026-01-01\nclaims:\n  - {id: b, text: One.}\n");
        write(dir, "b", "id: b\nkind: study\ntitle: B\ndate: 2026-01-01\n");
        assertThatThrownBy(() -> new ThreadReader().readThread(dir))
                .hasMessageContaining("claim id 'b' is already used");
    }

    @Test
    void badFieldsAreNamedOneByOne(@TempDir Path dir) throws IOException {
        write(dir, "c", "id: c\nkind: blog\ntitle: C\nurl: ftp://x\n");
        assertThatThrownBy(() -> new ThreadReader().readThread(dir))
                .hasMessageContaining("c.md")
                .hasMessageContaining("kind: The kind is one of study, response, rebuttal, statement, letter-version")
                .hasMessageContaining("date: Give the date")
                .hasMessageContaining("url: The url is an http");
        Files.writeString(dir.resolve("c.md"), "no front matter\n");
        assertThatThrownBy(() -> new ThreadReader().readThread(dir))
                .hasMessageContaining("must start with front matter");
        write(dir, "c", "id: d\nkind: study\ntitle: D\ndate: 2026-01-01\n");
        assertThatThrownBy(() -> new ThreadReader().readThread(dir)).hasMessageContaining("must be called d.md");
        write(dir, "c", "id: c\nkind: study\ntitle: C\ndate: 2026-01-01\nsurprise: 1\n");
        assertThatThrownBy(() -> new ThreadReader().readThread(dir)).hasMessageContaining("surprise");
    }

    private static void write(Path dir, String id, String front) throws IOException {
        Files.writeString(dir.resolve(id + ".md"), "---\n" + front + "---\nBody of " + id + ".\n");
    }
}
