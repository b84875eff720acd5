package org.undersigned.signatures;

import io.quarkus.arc.Arc;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.undersigned.web.InvalidInput;
import org.undersigned.web.Languages;
import org.undersigned.web.SignMessages;

/**
 * Bad fields of a signer's form: to the API an {@link InvalidInput} as before (English), to a page each field's
 * problem in the reader's language.
 */
public class InvalidForm extends InvalidInput {

    private final Map<String, FieldProblem> problems;

    InvalidForm(Map<String, FieldProblem> problems) {
        super(english(problems));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    private static Map<String, String> english(Map<String, FieldProblem> problems) {
        Map<String, String> english = new LinkedHashMap<>();
        problems.forEach((field, problem) -> english.put(field, problem.english()));
        return english;
    }

    /** Each bad field's problem in the language of the request being handled (English for any other 400). */
    static Map<String, String> shown(InvalidInput e) {
        if (!(e instanceof InvalidForm form)) {
            return e.errors();
        }
        SignMessages words = here();
        Map<String, String> shown = new LinkedHashMap<>();
        form.problems.forEach((field, problem) -> shown.put(field, problem.in(words)));
        return shown;
    }

    /** One problem in the language of the request being handled. */
    static String shown(FieldProblem problem) {
        return problem.in(here());
    }

    private static SignMessages here() {
        return Bundles.sign(
                Arc.container().instance(Languages.class).get().current().orElse(null));
    }
}
