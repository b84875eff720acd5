package org.undersigned.verification;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The impersonation guard's name matching (docs/ARCHITECTURE.md#signing), pure and stateless once built.
 *
 * <p>A signed name matches a watched person when, read as "Given … Family" (titles dropped, "Family, Given" turned
 * round, bracketed notes ignored), its first word is the person's given name or its initial and a later run of words
 * is the person's family name; other words (middle names, initials, "Jr.", "PhD") are ignored. Words are compared as
 * NFKC case-folded UTS #39 confusable skeletons (ICU {@link SpoofChecker}), without accents or punctuation, so a
 * Cyrillic "о" or a fullwidth letter does not make a name different.
 */
public final class WatchedNames {

    /** A watched person and the ORCID iDs the operator named as theirs: signing with one of them is not held. */
    public record Person(String name, Set<String> orcids) {
        public Person {
            orcids = Set.copyOf(orcids);
        }
    }

    // titles dropped before a name; post-nominals need no list, as words after the family name are ignored anyway
    private static final Set<String> TITLES = Set.of(
            "prof",
            "professor",
            "dr",
            "doctor",
            "mr",
            "mrs",
            "ms",
            "miss",
            "mx",
            "mister",
            "sir",
            "dame",
            "lord",
            "lady",
            "rev",
            "revd",
            "reverend",
            "hon",
            "honorable",
            "honourable",
            "herr",
            "frau",
            "mme",
            "mlle",
            "madam",
            "professeur",
            "docteur",
            "profdr",
            "emeritus");
    // family-name particles of a watched name: "Ludwig van Beethoven" matches with or without the "van"
    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "de", "der", "den", "del", "della", "di", "da", "das", "dos", "du", "le", "la", "ten", "ter",
            "bin", "ibn", "al", "el", "st");
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|\\{[^}]*}");
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s.\\u00B7\\u2022/]+");
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build(); // immutable: thread safe

    /**
     * Both orders of folding and skeleton, used one at a time on both sides: skeleton first catches "LesIie" (a
     * capital I for the l), folding first catches "LESLIE" (whose capital I the skeleton would read as an l).
     */
    private static final List<UnaryOperator<String>> KEYINGS =
            List.of(w -> letters(NFKC_CF.normalize(skeleton(w))), w -> letters(skeleton(NFKC_CF.normalize(w))));

    /** One watched person, keyed once per keying: the given name and the family name with and without particles. */
    private record Watched(Person person, List<Keys> keys) {}

    /** {@code given} is null for a watched single name ("Madonna"): any word of a signed name spelling it matches. */
    private record Keys(Word given, List<String> families) {}

    /** A word of a signed name, keyed; {@code initial} when it is one letter ("Y." or "Y"). */
    private record Word(String key, boolean initial) {}

    private final List<Watched> watched;

    public WatchedNames(Collection<Person> people) {
        this.watched = people.stream()
                .map(p -> new Watched(
                        p, KEYINGS.stream().map(k -> keysOf(p.name(), k)).toList()))
                .filter(w -> w.keys().stream().noneMatch(k -> k.families().isEmpty()))
                .toList();
    }

    /**
     * The watched person {@code name} matches, unless {@code orcidId} (null for none) is one named for them. When
     * several match, the first the iD is not named for.
     */
    public Optional<String> held(String name, String orcidId) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        // keyed once per keying and reading (skeletons are the costly part), then compared with every person
        List<List<String>> readings = readings(name);
        List<List<List<Word>>> keyed = KEYINGS.stream()
                .map(keying -> readings.stream()
                        .map(reading -> reading.stream()
                                .map(raw -> word(raw, keying))
                                .filter(word -> !word.key().isEmpty())
                                .toList())
                        .toList())
                .toList();
        return watched.stream()
                .filter(w -> orcidId == null || !w.person().orcids().contains(orcidId))
                .filter(w -> matches(w, keyed))
                .map(w -> w.person().name())
                .findFirst();
    }

    private static boolean matches(Watched w, List<List<List<Word>>> keyed) {
        for (int i = 0; i < KEYINGS.size(); i++) {
            Keys keys = w.keys().get(i);
            if (keyed.get(i).stream().anyMatch(words -> matches(keys, words))) {
                return true;
            }
        }
        return false;
    }

    /** Given name first (or its initial, either way round), then a run of words spelling the family name. */
    private static boolean matches(Keys person, List<Word> words) {
        int after = person.given() == null ? 0 : 1;
        if (words.size() < after + 1 || after == 1 && !sameGiven(person.given(), words.get(0))) {
            return false;
        }
        int longest = person.families().stream().mapToInt(String::length).max().orElse(0);
        for (int from = after; from < words.size(); from++) {
            StringBuilder run = new StringBuilder();
            for (int to = from; to < words.size(); to++) {
                run.append(words.get(to).key());
                if (person.families().contains(run.toString())) {
                    return true;
                }
                if (run.length() >= longest) { // longer runs cannot match
                    break;
                }
            }
        }
        return false;
    }

    private static boolean sameGiven(Word watched, Word signed) {
        return watched.key().equals(signed.key())
                || signed.initial() && watched.key().startsWith(signed.key())
                || watched.initial() && signed.key().startsWith(watched.key());
    }

    private static Word word(String raw, UnaryOperator<String> keying) {
        String letters = folded(raw);
        return new Word(keying.apply(raw), letters.codePointCount(0, letters.length()) == 1);
    }

    private static Keys keysOf(String name, UnaryOperator<String> keying) {
        List<List<String>> readings = readings(name);
        List<String> words = readings.get(name.contains(",") && readings.size() > 2 ? 2 : 0).stream()
                .filter(w -> !keying.apply(w).isEmpty())
                .toList();
        if (words.isEmpty()) {
            return new Keys(null, List.of());
        }
        int last = words.size() - 1;
        if (last == 0) {
            return new Keys(null, List.of(keying.apply(words.get(0))));
        }
        int first = last;
        while (first > 1 && PARTICLES.contains(folded(words.get(first - 1)))) {
            first--;
        }
        String bare = keying.apply(words.get(last));
        String withParticles = String.join(
                "", words.subList(first, words.size()).stream().map(keying).toList());
        return new Keys(word(words.get(0), keying), List.of(bare, withParticles));
    }

    /**
     * The ways a name may be read as words, given name first: as written (commas as spaces), the part before the
     * first comma ("Yann LeCun, NYU"), "Family, Given …" turned round, and "Family Given" turned round.
     */
    static List<List<String>> readings(String name) {
        String text = BRACKETED.matcher(NFKC.normalize(name)).replaceAll(" ");
        List<List<String>> parts = Arrays.stream(text.split(","))
                .map(WatchedNames::words)
                .filter(p -> !p.isEmpty())
                .toList();
        List<List<String>> readings = new ArrayList<>();
        readings.add(parts.stream().flatMap(List::stream).toList());
        if (parts.size() > 1) {
            readings.add(parts.get(0));
            List<String> turned = new ArrayList<>();
            parts.subList(1, parts.size()).forEach(turned::addAll);
            turned.addAll(parts.get(0));
            readings.add(turned);
        }
        List<String> all = readings.get(0);
        if (all.size() > 1) {
            List<String> familyFirst = new ArrayList<>(all.subList(all.size() - 1, all.size()));
            familyFirst.addAll(all.subList(0, all.size() - 1));
            readings.add(familyFirst);
        }
        return readings;
    }

    /** The words of one comma-separated part, leading titles dropped ("Prof. Dr. Sir Tim …"). */
    private static List<String> words(String part) {
        List<String> words = Arrays.stream(WORD_BREAK.split(part.strip()))
                .filter(w -> !folded(w).isEmpty())
                .toList();
        int start = 0;
        while (start < words.size() - 1 && TITLES.contains(folded(words.get(start)))) {
            start++;
        }
        return words.subList(start, words.size());
    }

    /** Case-folded letters and digits, no skeleton: for titles, particles and initials. */
    private static String folded(String word) {
        return letters(NFKC_CF.normalize(word));
    }

    private static String skeleton(String word) {
        return SKELETONS.getSkeleton(word);
    }

    /** Letters and digits only, accents removed: "Le-Cun" is "lecun", "José" is "jose" (after folding). */
    private static String letters(String text) {
        return NFD.normalize(text).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
