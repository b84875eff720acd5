package org.undersigned.threads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a thread well formed, for files and for the API alike: known kinds, ids unique across the thread,
 * {@code responds_to} naming an earlier-known entry, and every point answering a claim of that entry.
 */
final class ThreadRules {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ThreadRules() {}

    /** Problems of one entry on its own, by field; empty when none. */
    static Map<String, String> problems(ThreadEntry e) {
        Map<String, String> p = new LinkedHashMap<>();
        if (e.id() == null || !ID.matcher(e.id()).matches()) {
            p.put("id", "An id is 1 to 80 of a-z, 0-9 and '-', starting with a letter or digit.");
        }
        if (e.kind() == null || !ThreadEntry.KINDS.contains(e.kind())) {
            p.put("kind", "The kind is one of " + String.join(", ", ThreadEntry.KINDS) + ".");
        }
        if (blank(e.title()) || e.title().length() > 300) {
            p.put("title", "Give a title of at most 300 characters.");
        }
        if (e.organisation() != null && e.organisation().length() > 200) {
            p.put("organisation", "Give an organisation name of at most 200 characters.");
        }
        if (e.author() != null && e.author().length() > 300) {
            p.put("author", "Give an author of at most 300 characters.");
        }
        if (e.date() == null) {
            p.put("date", "Give the date it was published (YYYY-MM-DD).");
        }
        if (e.url() != null && !e.url().matches("https?://\\S{1,1990}")) {
            p.put("url", "The url is an http or https address.");
        }
        if (e.archived() != null
                && (e.archived().sha256() == null
                        || !SHA256.matcher(e.archived().sha256()).matches()
                        || e.archived().retrieved() == null)) {
            p.put("archived", "An archived copy needs sha256 (64 lower-case hex digits) and retrieved (a date).");
        }
        for (ThreadEntry.Claim c : e.claims()) {
            if (c.id() == null || !ID.matcher(c.id()).matches() || blank(c.text())) {
                p.put("claims", "Every claim needs an id (a-z, 0-9, '-') and a text.");
            }
        }
        for (ThreadEntry.Point pt : e.points()) {
            if (blank(pt.claim()) || blank(pt.body())) {
                p.put("points", "Every point needs the claim it answers and a body.");
            }
        }
        if (!e.points().isEmpty() && blank(e.respondsTo())) {
            p.put("responds_to", "Points answer the claims of the entry named in responds_to: name it.");
        }
        return p;
    }

    /**
     * Problems of a whole thread (entries in any order): duplicate ids, unknown responds_to, points naming claims
     * the answered entry does not make. Each message names the entry.
     */
    static List<String> threadProblems(List<ThreadEntry> entries) {
        List<String> problems = new ArrayList<>();
        Map<String, ThreadEntry> byId = new HashMap<>();
        Set<String> anchors = new HashSet<>();
        for (ThreadEntry e : entries) {
            if (byId.put(e.id(), e) != null || !anchors.add(e.id())) {
                problems.add("entry '" + e.id() + "': the id is used twice in the thread");
            }
        }
        for (ThreadEntry e : entries) {
            for (ThreadEntry.Claim c : e.claims()) {
                if (!anchors.add(c.id())) {
                    problems.add("entry '" + e.id() + "': claim id '" + c.id() + "' is already used in the thread");
                }
            }
        }
        for (ThreadEntry e : entries) {
            if (blank(e.respondsTo())) {
                continue;
            }
            ThreadEntry answered = byId.get(e.respondsTo());
            if (answered == null || answered == e) {
                problems.add(
                        "entry '" + e.id() + "': responds_to '" + e.respondsTo() + "' is not an entry of this thread");
                continue;
            }
            Set<String> claims = new HashSet<>();
            answered.claims().forEach(c -> claims.add(c.id()));
            for (ThreadEntry.Point p : e.points()) {
                if (!claims.contains(p.claim())) {
                    problems.add("entry '" + e.id() + "': a point answers claim '" + p.claim() + "', which '"
                            + answered.id() + "' does not make"
                            + (claims.isEmpty()
                                    ? " (it makes no claims)"
                                    : " (its claims: "
                                            + String.join(
                                                    ", ",
                                                    claims.stream().sorted().toList()) + ")"));
                }
            }
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
