package org.undersigned.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A message bundle's words for a page's script: a JSON object of every message in one language, each parameter left
 * as {@code {name}} for the script to fill in. Safe inside {@code <script type="application/json">}.
 */
public final class ScriptWords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private ScriptWords() {}

    public static String json(Locale locale, Class<?>... bundles) {
        return CACHE.computeIfAbsent(
                locale.toLanguageTag() + "|"
                        + Arrays.stream(bundles).map(Class::getName).collect(Collectors.joining(",")),
                k -> render(locale, bundles));
    }

    private static String render(Locale locale, Class<?>... bundles) {
        Map<String, String> words = new TreeMap<>();
        for (Class<?> bundle : bundles) {
            words.putAll(words(bundle, locale));
        }
        try {
            // "</script>" or "<!--" in a message must not end the script element
            return JSON.writeValueAsString(words).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> words(Class<?> bundle, Locale locale) {
        Object messages = Bundles.in(bundle, locale);
        Map<String, String> words = new TreeMap<>();
        for (Method m : bundle.getDeclaredMethods()) {
            Object[] placeholders = Arrays.stream(m.getParameters())
                    .map(Parameter::getName)
                    .map(name -> "{" + name + "}")
                    .toArray();
            try {
                words.put(m.getName(), (String) m.invoke(messages, placeholders));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("message " + m.getName() + " of " + bundle.getName(), e);
            }
        }
        return words;
    }
}
