package org.undersigned.verification;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a YAML file of the content folder strictly: an unknown field or a broken file stops the start, naming it. */
final class ContentFiles {

    /** The content folder, the whole key {@code undersigned.content-dir}, as letters reads it too. */
    @ConfigMapping(prefix = "undersigned.content-dir")
    interface Folder {
        @WithParentName
        @WithDefault("content")
        Path path();
    }

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ContentFiles() {}

    static <T> T read(Path file, Class<T> type) {
        try {
            T value = YAML.readValue(file.toFile(), type);
            if (value == null) {
                throw invalid(file, "the file is empty");
            }
            return value;
        } catch (IOException e) {
            throw invalid(
                    file,
                    Files.exists(file)
                            ? e.getMessage().lines().findFirst().orElse("unreadable")
                            : "the file is missing");
        }
    }

    static IllegalStateException invalid(Path file, String problem) {
        return new IllegalStateException("Content file " + file + ": " + problem);
    }
}
