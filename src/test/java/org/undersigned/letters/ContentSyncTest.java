package org.undersigned.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class ContentSyncTest {

    @Inject
    ContentSync sync;

    @Inject
    LetterService letters;

    @TempDir
    Path content;

    @Test
    void loadingTwiceChangesNothing() throws IOException {
        String slug = newLetter();
        assertEquals(1, sync.sync(content).versionsAdded());
        assertEquals(0, sync.sync(content).versionsAdded());
        assertThat(letters.find(slug).orElseThrow().versions()).hasSize(1);
    }

    @Test
    void aNewVersionFileIsPublishedOnTheNextLoad() throws IOException {
        String slug = newLetter();
        sync.sync(content);
        Files.writeString(
                content.resolve("letters").resolve(slug).resolve("v2.md"),
                "---\nversion: 2\npublished: 2026-05-02T00:00:00Z\nchanges: More.\ncarries_signatures: true\n---\nMore text.\n");
        assertEquals(1, sync.sync(content).versionsAdded());
        assertThat(letters.version(slug, 2).orElseThrow().markdown()).isEqualTo("More text.\n");
    }

    @Test
    void aPublishedVersionWhoseTextChangedFailsLoudlyNamingTheFile() throws IOException {
        String slug = newLetter();
        sync.sync(content);
        Path v1 = content.resolve("letters").resolve(slug).resolve("v1.md");
        Files.writeString(v1, Files.readString(v1).replace("Original text.", "Quietly edited text."));

        ContentException e = assertThrows(ContentException.class, () -> sync.sync(content));

        assertThat(e.getMessage()).contains(v1.toString()).contains("published version 1 has changed");
        assertThat(letters.version(slug, 1).orElseThrow().markdown()).isEqualTo("Original text.\n");
    }

    @Test
    void whitespaceOnlyEditsDoNotCountAsAChange() throws IOException {
        String slug = newLetter();
        sync.sync(content);
        Path v1 = content.resolve("letters").resolve(slug).resolve("v1.md");
        Files.writeString(v1, Files.readString(v1).replace("Original text.\n", "Original text.   \r\n\r\n"));
        assertEquals(0, sync.sync(content).versionsAdded());
    }

    @Test
    void aPublishedVersionCannotBeDeleted() throws IOException {
        String slug = newLetter();
        sync.sync(content);
        Path v1 = content.resolve("letters").resolve(slug).resolve("v1.md");
        Files.writeString(
                content.resolve("letters").resolve(slug).resolve("letter.yaml"),
                "title: T\nsummary: S\nstatus: draft\n");
        Files.delete(v1);
        ContentException e = assertThrows(ContentException.class, () -> sync.sync(content));
        assertThat(e.getMessage()).contains("v1.md").contains("cannot be removed");
    }

    @Test
    void replicasLoadingAtOnceStoreEachLetterOnce() throws Exception {
        String slug = newLetter();
        int replicas = 4;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ContentSync.Report>> results = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            Callable<ContentSync.Report> load = () -> {
                start.await();
                return sync.sync(content);
            };
            results.add(pool.submit(load));
        }
        start.countDown();
        int added = 0;
        for (Future<ContentSync.Report> r : results) {
            added += r.get().versionsAdded();
        }
        pool.shutdown();
        assertEquals(1, added);
        assertThat(letters.find(slug).orElseThrow().versions()).hasSize(1);
    }

    /** An open letter with one version under a fresh slug, so tests never share rows. */
    private String newLetter() throws IOException {
        String slug = "sync-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createDirectories(content.resolve("letters").resolve(slug));
        Files.writeString(dir.resolve("letter.yaml"), "title: Sync test\nsummary: S\nstatus: open\n");
        Files.writeString(
                dir.resolve("v1.md"),
                "---\nversion: 1\npublished: 2026-05-01T00:00:00Z\nchanges: First.\n---\nOriginal text.\n");
        return slug;
    }
}
