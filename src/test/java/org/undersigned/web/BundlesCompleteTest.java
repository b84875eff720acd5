package org.undersigned.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.MessageBundle;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message bundle of the interface is complete in French and in the pseudo-locale: a message added in English
 * without its translation fails here, before any reader meets English in the middle of a French page.
 */
class BundlesCompleteTest {

    static final List<String> LANGUAGES = List.of("fr", "qps");

    @Test
    void everyBundleHasEveryMessageInEveryLanguage() throws Exception {
        List<Class<?>> bundles = bundles();
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(13);
        for (Class<?> bundle : bundles) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            List<String> keys = Arrays.stream(bundle.getDeclaredMethods())
                    .map(Method::getName)
                    .sorted()
                    .toList();
            for (String language : LANGUAGES) {
                Properties words = new Properties();
                String file = "/messages/" + name + "_" + language + ".properties";
                try (InputStream in = bundle.getResourceAsStream(file)) {
                    assertThat(in).as(file).isNotNull();
                    words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                assertThat(words.stringPropertyNames().stream().sorted().toList())
                        .as(file)
                        .isEqualTo(keys);
                assertThat(words.values())
                        .as(file + ": no empty message")
                        .noneMatch(v -> v.toString().isBlank());
            }
        }
    }

    /** The interfaces annotated @MessageBundle in this package, found on the class path. */
    private static List<Class<?>> bundles() throws URISyntaxException, Exception {
        Path dir = Path.of(Messages.class.getResource("Messages.class").toURI()).getParent();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String file = f.getFileName().toString();
                if (file.endsWith("Messages.class")) {
                    Class<?> c = Class.forName(Messages.class.getPackageName() + "." + file.replace(".class", ""));
                    if (c.isAnnotationPresent(MessageBundle.class)) {
                        found.add(c);
                    }
                }
            }
        }
        return found;
    }
}
