package org.undersigned.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.mail.Mail;

/**
 * The confirmation mail a sign-up gets is the one its templates render, whatever the name holds (markup, quotes,
 * accents, template syntax, replacement syntax), in every language and for both listings, though it is rendered
 * once per letter and put together per sign-up.
 */
@QuarkusTest
class SignatureMailsTest {

    @Inject
    SignatureMails mails;

    @Inject
    LetterService letters;

    @Test
    void aConfirmationPutTogetherEqualsTheOneTheTemplatesRender() {
        SigningTarget letter = letters.signingTarget("mail-letter").orElseThrow();
        List<String> names = List.of(
                "Ann Example",
                "<b>\"O'Brien\" & Co</b>",
                "José Ñúñez 山田",
                "{name} {link} {mail:hello(name)}",
                "$1 \\ $0 \\\\ back",
                "&amp; &#39;");
        for (String language : List.of("en", "fr", "xx")) {
            for (Listing listing : Listing.values()) {
                for (String name : names) {
                    Signature s = new Signature();
                    s.email = "ann@example.org";
                    s.name = name;
                    s.listing = listing;
                    s.language = language;
                    String token = "tok-" + Integer.toHexString(name.hashCode());
                    Mail rendered = mails.confirmRendered(s, letter, token, Duration.ofHours(48));
                    Mail assembled = mails.confirm(s, letter, token, Duration.ofHours(48));
                    assertThat(assembled)
                            .as("%s, %s, %s", language, listing, name)
                            .isEqualTo(rendered);
                    assertThat(assembled.text()).contains(name).contains("/confirm/" + token);
                }
            }
        }
    }
}
