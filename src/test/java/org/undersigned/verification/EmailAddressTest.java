package org.undersigned.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address rules: what is accepted, what mail goes to, and the mailbox key that decides "one per person". */
class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x<victim@example.org>",
                "victim@example.org(1)",
                "Victim <victim@example.org>",
                "\"vic tim\"@example.org",
                "\"victim\"@example.org",
                "victim@[192.0.2.1]",
                "victim@[IPv6:2001:db8::1]",
                "vic tim@example.org",
                "victim@exam ple.org",
                "victim@example.org\u00a0x",
                "vic\u200btim@example.org",
                "victim@@example.org",
                "vic@tim@example.org",
                "victim",
                "@example.org",
                "victim@",
                ".victim@example.org",
                "victim.@example.org",
                "vic..tim@example.org",
                "victim@example",
                "victim@example.o",
                "victim@example.org.",
                "victim@.example.org",
                "victim@192.0.2.1",
                "victim@exa_mple.org",
                "victim@-example.org",
                "victim@example.org,other@example.org",
                "victim@example.org;",
                "vic\\tim@example.org",
            })
    void anythingButAPlainAddressIsRefusedWithAReason(String typed) {
        assertThat(EmailAddress.read(typed)).isInstanceOf(EmailAddress.Invalid.class);
        assertThat(((EmailAddress.Invalid) EmailAddress.read(typed)).problem()).isNotBlank();
        assertThat(EmailAddress.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // typed                          | mail goes to                | mailbox key
                "  victim@example.org            | victim@example.org          | victim@example.org",
                "Victim@Example.ORG              | Victim@example.org          | victim@example.org",
                "Victim+2@example.org            | Victim+2@example.org        | victim@example.org",
                "victim+a+b@example.org          | victim+a+b@example.org      | victim@example.org",
                "+victim@example.org             | +victim@example.org         | +victim@example.org",
                "vic.tim@gmail.com               | vic.tim@gmail.com           | victim@gmail.com",
                "V.I.C.T.I.M+news@googlemail.com | V.I.C.T.I.M+news@googlemail.com | victim@gmail.com",
                "vic.tim@example.org             | vic.tim@example.org         | vic.tim@example.org",
                "vic.tim@workspace-domain.com    | vic.tim@workspace-domain.com | vic.tim@workspace-domain.com",
                "ana@bücher.example              | ana@xn--bcher-kva.example   | ana@xn--bcher-kva.example",
                "ana@BÜCHER.example              | ana@xn--bcher-kva.example   | ana@xn--bcher-kva.example",
                "ana@faß.de                      | ana@xn--fa-hia.de           | ana@xn--fa-hia.de",
                "Straße@example.org              | Straße@example.org          | strasse@example.org",
                "josé@example.org                | josé@example.org            | josé@example.org",
            })
    void theAddressKeepsItsSpellingAndTheMailboxKeyFoldsIt(String typed, String value, String mailbox) {
        EmailAddress address = EmailAddress.parse(typed).orElseThrow();
        assertThat(address.value()).isEqualTo(value);
        assertThat(address.mailbox()).isEqualTo(mailbox);
    }

    @ParameterizedTest
    @ValueSource(strings = {"o'brien@example.org", "a!#$%&*/=?^_`{|}~-z@example.org", "a.b.c@example.org"})
    void everyAtextCharacterOfADotStringIsAccepted(String typed) {
        assertThat(EmailAddress.parse(typed).orElseThrow().value()).isEqualTo(typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"victim@gmail.com", "vic.tim@gmail.com", "VicTim+x@googlemail.com", "v.ictim@GMAIL.com"})
    void everySpellingOfOneGmailMailboxHasOneKey(String typed) {
        assertThat(EmailAddress.parse(typed).orElseThrow().mailbox()).isEqualTo("victim@gmail.com");
    }

    @Test
    void theLocalPartIsAtMost64OctetsAndTheAddress254() {
        String local64 = "a".repeat(64);
        assertThat(EmailAddress.parse(local64 + "@example.org")).isPresent();
        assertThat(EmailAddress.parse("a".repeat(65) + "@example.org")).isEmpty();
        // 32 two-octet characters are 64 octets; 33 are too many
        assertThat(EmailAddress.parse("é".repeat(32) + "@example.org")).isPresent();
        assertThat(EmailAddress.parse("é".repeat(33) + "@example.org")).isEmpty();
        String label = "b".repeat(60);
        String domain = String.join(".", label, label, label) + ".example.org";
        int room = EmailAddress.ADDRESS_MAX - 1 - domain.length();
        assertThat(room).isLessThan(EmailAddress.LOCAL_MAX);
        assertThat(EmailAddress.parse("a".repeat(room) + "@" + domain)).isPresent();
        assertThat(EmailAddress.parse("a".repeat(room + 1) + "@" + domain)).isEmpty();
    }

    @Test
    void sharedWebmailDomainsAreKnownAndOthersAreNot() {
        assertThat(MailboxProviders.shared("gmail.com")).isTrue();
        assertThat(MailboxProviders.shared("outlook.com")).isTrue();
        assertThat(MailboxProviders.shared("example.org")).isFalse();
        assertThat(EmailAddress.parse("ana@googlemail.com").orElseThrow().mailboxDomain())
                .isEqualTo("gmail.com");
    }
}
