package org.undersigned.verification;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Comparing names the way people write them: case, accents and punctuation do not make two names different. */
public final class Names {

    private Names() {}

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    /** Lower case without accents, so "did José sign?" finds "Jose" and the other way round. */
    public static String fold(String text) {
        return text == null
                ? null
                : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                        .replaceAll("")
                        .toLowerCase(Locale.ROOT);
    }

    /** Folded, letters and digits only: "Yann Le-Cun", "yann lecun" and "YANN LECUN" give the same key. */
    public static String key(String text) {
        return text == null ? "" : fold(text).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * Letters only, words in alphabetical order: "Anna Test 17", "test, anna" and "ANNA TEST" give the same skeleton,
     * as names made up in bulk tend to (a fraud signal, never proof).
     */
    public static String skeleton(String text) {
        if (text == null) {
            return "";
        }
        return java.util.Arrays.stream(fold(text).split("[^\\p{L}]+"))
                .filter(w -> !w.isEmpty())
                .sorted()
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
