package org.undersigned.threads;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code content/letters/<slug>/thread/*.md}: YAML front matter, then the body in Markdown. Pure file work;
 * anything wrong throws a {@link ThreadContentException} naming the file, so a broken thread never goes live.
 */
final class ThreadReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Front(
            String id,
            String kind,
            String title,
            String organisation,
            String author,
            LocalDate date,
            String url,
            ThreadEntry.Archived archived,
            @JsonProperty("responds_to") String respondsTo,
            List<ThreadEntry.Claim> claims,
            List<ThreadEntry.Point> points) {}

    /** The threads of every letter folder that has one, by slug. */
    Map<String, List<ThreadEntry>> read(Path contentDir) {
        Map<String, List<ThreadEntry>> threads = new LinkedHashMap<>();
        Path letters = contentDir.resolve("letters");
        if (!Files.isDirectory(letters)) {
            return threads;
        }
        try (Stream<Path> dirs = Files.list(letters)) {
            for (Path dir : dirs.sorted().toList()) {
                Path thread = dir.resolve("thread");
                if (Files.isDirectory(thread)) {
                    threads.put(dir.getFileName().toString(), readThread(thread));
                }
            }
        } catch (IOException e) {
            throw new ThreadContentException(letters, "cannot be read: " + e.getMessage());
        }
        return threads;
    }

    List<ThreadEntry> readThread(Path thread) {
        Map<String, Path> files = new LinkedHashMap<>();
        List<ThreadEntry> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(thread)) {
            for (Path file : list.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList()) {
                ThreadEntry e = readEntry(file);
                files.put(e.id(), file);
                entries.add(e);
            }
        } catch (IOException e) {
            throw new ThreadContentException(thread, "cannot be read: " + e.getMessage());
        }
        List<String> problems = ThreadRules.threadProblems(entries);
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            String id = first.substring(first.indexOf('\'') + 1, first.indexOf('\'', first.indexOf('\'') + 1));
            throw new ThreadContentException(files.getOrDefault(id, thread), String.join("; ", problems));
        }
        return entries;
    }

    ThreadEntry readEntry(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new ThreadContentException(file, "cannot be read as UTF-8: " + e.getMessage());
        }
        if (!text.startsWith("---\n")) {
            throw new ThreadContentException(
                    file, "must start with front matter: a line '---', YAML fields, a line '---'");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new ThreadContentException(file, "front matter is not closed by a line '---'");
        }
        Front f;
        try {
            f = YAML.readValue(text.substring(4, end + 1), Front.class);
        } catch (IOException e) {
            throw new ThreadContentException(
                    file, "front matter: " + e.getMessage().lines().findFirst().orElse("invalid"));
        }
        if (f == null) {
            throw new ThreadContentException(file, "front matter is empty");
        }
        ThreadEntry entry = new ThreadEntry(
                f.id(),
                f.kind(),
                f.title(),
                f.organisation(),
                f.author(),
                f.date(),
                f.url(),
                f.archived(),
                f.respondsTo(),
                f.claims() == null ? List.of() : f.claims(),
                f.points() == null ? List.of() : f.points(),
                text.substring(end + 5).strip() + "\n");
        Map<String, String> problems = ThreadRules.problems(entry);
        if (!problems.isEmpty()) {
            throw new ThreadContentException(
                    file,
                    problems.entrySet().stream()
                            .map(p -> p.getKey() + ": " + p.getValue())
                            .reduce((a, b) -> a + "; " + b)
                            .orElseThrow());
        }
        if (!file.getFileName().toString().equals(entry.id() + ".md")) {
            throw new ThreadContentException(
                    file, "the file of entry '" + entry.id() + "' must be called " + entry.id() + ".md");
        }
        return entry;
    }
}
