package org.undersigned.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationsTest {

    private final Organisations shipped = new Organisations(() -> Path.of("content"));

    @Test
    void theShippedListCoversTheOrganisationsOfTheMotivatingCase() {
        for (String name : new String[] {
            "Google",
            "DeepMind",
            "Facebook",
            "Microsoft",
            "IBM",
            "Amazon",
            "MIT",
            "Stanford",
            "Berkeley",
            "Harvard",
            "Université de Montréal",
            "Mila",
            "Oxford",
            "Cambridge",
            "CMU",
            "University of Toronto",
            "ETH Zurich"
        }) {
            assertThat(shipped.named(name)).as(name).isPresent();
        }
        assertThat(shipped.named("facebook ai research").orElseThrow().name()).isEqualTo("Meta");
        assertThat(shipped.named("universite de montreal").orElseThrow().ror()).isEqualTo("ror.org/0161xgx34");
    }

    @Test
    void anAddressAtADomainOrSubdomainOfTheOrganisationProvesIt() {
        Organisations.Organisation google = shipped.named("Google Research").orElseThrow();
        assertThat(Organisations.owns(google, "google.com")).isTrue();
        assertThat(Organisations.owns(google, "research.google.com")).isTrue();
        assertThat(Organisations.owns(google, "gmail.com")).isFalse();
        assertThat(Organisations.owns(google, "notgoogle.com")).isFalse();
    }

    @Test
    void aNameUsedByTwoOrganisationsStopsTheStartNamingBoth(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("organisations.yaml"), """
                organisations:
                  - {name: Alpha Lab, aliases: [AL], domains: [alpha.org]}
                  - {name: Alpine Lab, aliases: [A.L.], domains: [alpine.org]}
                """);
        assertThatThrownBy(() -> new Organisations(() -> dir))
                .hasMessageContaining("organisations.yaml")
                .hasMessageContaining("Alpha Lab")
                .hasMessageContaining("Alpine Lab");
    }

    @Test
    void aBadDomainOrRorIdIsRefusedWithTheOrganisationsName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("organisations.yaml"), "organisations:\n  - {name: Beta, domains: [beta]}\n");
        assertThatThrownBy(() -> new Organisations(() -> dir))
                .hasMessageContaining("Beta: 'beta' is not a domain name");
        Files.writeString(dir.resolve("organisations.yaml"), "organisations:\n  - {name: Beta, ror: 'x'}\n");
        assertThatThrownBy(() -> new Organisations(() -> dir)).hasMessageContaining("is not a ROR id");
        Files.delete(dir.resolve("organisations.yaml"));
        assertThatThrownBy(() -> new Organisations(() -> dir)).hasMessageContaining("the file is missing");
    }

    @Test
    void theWatchListHoldsEveryLaureateAndTheConfiguredNamesWhateverTheSpelling() {
        Honours honours = new Honours(() -> Path.of("content"), () -> Optional.of(List.of("Ada Lovelace")));
        assertThat(honours.watched("Yann Le-Cun", null)).contains("Yann LeCun");
        assertThat(honours.watched("GEOFFREY HINTON", null)).contains("Geoffrey Hinton");
        assertThat(honours.watched("ada lovelace", null)).contains("Ada Lovelace");
        assertThat(honours.watched("Ada Testperson", null)).isEmpty();
        assertThat(honours.byId("turing-award").orElseThrow().laureates()).isNotEmpty();
    }

    @Test
    void anOrcidIdNamedInTheWatchListOrHonoursFileExemptsOnlyThatPerson(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("honours.yaml"), """
                honours:
                  - id: prize
                    name: A Prize
                    laureates:
                      - {name: Grace Hopper, year: 1973, orcid: 'https://orcid.org/0000-0001-5109-3700'}
                """);
        Honours honours =
                new Honours(() -> dir, () -> Optional.of(List.of("Ada Lovelace=0000-0002-1825-0097", "Grace Hopper")));
        assertThat(honours.watched("Ada Lovelace", "0000-0002-1825-0097")).isEmpty();
        assertThat(honours.watched("A. Lovelace", "0000-0001-5109-3700")).contains("Ada Lovelace");
        assertThat(honours.watched("Grace Hopper", "0000-0001-5109-3700")).isEmpty();
        assertThat(honours.watched("Grace Hopper", "0000-0002-1825-0097")).contains("Grace Hopper");
        assertThat(honours.byId("prize").orElseThrow().laureates())
                .containsExactly(new Honours.Laureate("Grace Hopper", 1973));
    }

    @Test
    void aMistypedOrcidIdStopsTheStartNamingTheEntry(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("honours.yaml"), "honours: []\n");
        assertThatThrownBy(() -> new Honours(() -> dir, () -> Optional.of(List.of("Ada Lovelace=0000-0002-1825-0098"))))
                .hasMessageContaining("undersigned.watch-list")
                .hasMessageContaining("Ada Lovelace=0000-0002-1825-0098");
        Files.writeString(dir.resolve("honours.yaml"), """
                honours:
                  - {id: prize, name: A Prize, laureates: [{name: Grace Hopper, year: 1973, orcid: '1234'}]}
                """);
        assertThatThrownBy(() -> new Honours(() -> dir, Optional::empty))
                .hasMessageContaining("honours.yaml")
                .hasMessageContaining("Grace Hopper: '1234' is not an ORCID iD");
    }
}
