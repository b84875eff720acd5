package org.undersigned.letters;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level difference between two version texts, as escaped HTML in which removed words are wrapped in
 * {@code <del>} and added words in {@code <ins>}. Whitespace runs are tokens too, so line breaks survive.
 */
final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_'’-]+|[^\\s\\p{L}\\p{N}_'’-]");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

    record Result(String html, int wordsAdded, int wordsRemoved) {}

    private WordDiff() {}

    static Result between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        StringBuilder html = new StringBuilder();
        int added = 0;
        int removed = 0;
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            for (; position < delta.getSource().getPosition(); position++) {
                html.append(escape(a.get(position)));
            }
            if (delta.getType() != DeltaType.INSERT) {
                html.append("<del>")
                        .append(escape(String.join("", delta.getSource().getLines())))
                        .append("</del>");
                removed += words(delta.getSource().getLines());
            }
            if (delta.getType() != DeltaType.DELETE) {
                html.append("<ins>")
                        .append(escape(String.join("", delta.getTarget().getLines())))
                        .append("</ins>");
                added += words(delta.getTarget().getLines());
            }
            position += delta.getSource().size();
        }
        for (; position < a.size(); position++) {
            html.append(escape(a.get(position)));
        }
        return new Result(html.toString(), added, removed);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static int words(List<String> tokens) {
        return (int) tokens.stream().filter(t -> WORD.matcher(t).find()).count();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
