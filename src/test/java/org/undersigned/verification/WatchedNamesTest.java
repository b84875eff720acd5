package org.undersigned.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The impersonation guard's name matching: who is held as a watched person, and who is not. */
class WatchedNamesTest {

    static final String LECUN_ORCID = "0000-0002-1825-0097";

    private final WatchedNames names = new WatchedNames(List.of(
            new WatchedNames.Person("Yann LeCun", Set.of(LECUN_ORCID)),
            new WatchedNames.Person("Leslie Lamport", Set.of()),
            new WatchedNames.Person("Tim Berners-Lee", Set.of()),
            new WatchedNames.Person("José Ángel García", Set.of()),
            new WatchedNames.Person("Ludwig van Beethoven", Set.of()),
            new WatchedNames.Person("Madonna", Set.of())));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // signed as                        | held as (- for not held)
                "Yann LeCun                         | Yann LeCun",
                "Prof. Yann LeCun                   | Yann LeCun",
                "Professor Dr. Yann LeCun, PhD      | Yann LeCun",
                "Yann A. LeCun                      | Yann LeCun",
                "Yann André LeCun                   | Yann LeCun",
                "'LeCun, Yann'                      | Yann LeCun",
                "'LeCun, Prof. Yann A.'             | Yann LeCun",
                "Y. LeCun                           | Yann LeCun",
                "Y LeCun                            | Yann LeCun",
                "Y.LeCun                            | Yann LeCun",
                "Yann LeCun (NYU)                   | Yann LeCun",
                "'Yann LeCun, Meta'                 | Yann LeCun",
                "LeCun Yann                         | Yann LeCun",
                "Yann Le Cun                        | Yann LeCun",
                "yann le-cun                        | Yann LeCun",
                "YANN LECUN                         | Yann LeCun",
                "Yann LeCun Jr.                     | Yann LeCun",
                // Cyrillic е and С, Greek Α, Cyrillic о, fullwidth Ｙ, Roman numeral Ⅼ: confusable or compatible letters
                "Yann L\u0435\u0421un               | Yann LeCun",
                "Y\u0391nn LeCun                    | Yann LeCun",
                "Leslie Lamp\u043Ert                | Leslie Lamport",
                "Ｙann LeCun                        | Yann LeCun",
                "Yann ⅬeCun                         | Yann LeCun",
                "Leslie Lamport                     | Leslie Lamport",
                "LesIie Lamport                     | Leslie Lamport", // a capital I for the l
                "LESLIE LAMPORT                     | Leslie Lamport",
                "Leslie Larnport                    | Leslie Lamport", // r n for m
                "L. B. Lamport                      | Leslie Lamport",
                "Sir Tim Berners-Lee                | Tim Berners-Lee",
                "Tim Berners Lee                    | Tim Berners-Lee",
                "Jose Angel Garcia                  | José Ángel García",
                "J. García                          | José Ángel García",
                "Ludwig Beethoven                   | Ludwig van Beethoven",
                "Ludwig van Beethoven               | Ludwig van Beethoven",
                "Madonna Ciccone                    | Madonna",
                // not held: sharing only a family name, another given name, or nothing at all
                "Marie LeCun                        | -",
                "LeCun                              | -",
                "Dr. LeCun                          | -",
                "Yannick LeCun                      | -",
                "Z. LeCun                           | -",
                "Yann Lecunha                       | -",
                "Yann Smith                         | -",
                "Lamport, Marie                     | -",
                "Tim Lee                            | -",
                "Lee Berners                        | -",
                "Ludwig Beethovenstein              | -",
                "Ada Lovelace                       | -",
                "'  '                               | -",
            })
    void aNameIsHeldAsTheWatchedPersonItCouldPassFor(String signed, String heldAs) {
        assertThat(names.held(signed, null)).as(signed).isEqualTo(Optional.ofNullable(heldAs));
    }

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "Yann LeCun      | 0000-0002-1825-0097 | -",
                "Y. LeCun        | 0000-0002-1825-0097 | -",
                "Yann LeCun      | 0000-0001-5109-3700 | Yann LeCun",
                "Leslie Lamport  | 0000-0002-1825-0097 | Leslie Lamport",
                "Yann LeCun      | -                   | Yann LeCun",
            })
    void anOrcidIdNamedForThePersonIsNotHeldAndAnyOtherIs(String signed, String orcid, String heldAs) {
        assertThat(names.held(signed, orcid)).as(signed).isEqualTo(Optional.ofNullable(heldAs));
    }

    @Test
    void oddInputIsNeitherHeldNorAFailure() {
        assertThat(names.held("\uD800 LeCun\u0000", null)).isEmpty();
        assertThat(names.held("(((", null)).isEmpty();
        assertThat(names.held("Y. " + "a ".repeat(100) + "LeCun", null)).contains("Yann LeCun");
        assertThat(names.held(null, null)).isEmpty();
        assertThat(new WatchedNames(List.of(new WatchedNames.Person("...", Set.of()))).held("...", null))
                .isEmpty();
    }
}
