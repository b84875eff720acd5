package org.undersigned.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The packaged application cannot have demo data: its start fails with the setting on, and it is off but in dev. */
class DemoGuardTest {

    @Test
    void thePackagedApplicationRefusesToStartWithTheDemoOn() {
        assertThatThrownBy(() -> DemoGuard.check(true, LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("undersigned.demo.enabled=true is refused in the packaged application")
                .hasMessageContaining("dev mode only");
        assertThatCode(() -> DemoGuard.check(false, LaunchMode.NORMAL)).doesNotThrowAnyException();
        assertThatCode(() -> DemoGuard.check(true, LaunchMode.DEVELOPMENT)).doesNotThrowAnyException();
        assertThatCode(() -> DemoGuard.check(true, LaunchMode.TEST)).doesNotThrowAnyException();
    }

    @Test
    void theShippedConfigurationSwitchesTheDemoOnInDevModeOnly() throws Exception {
        var settings = Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .filter(line -> line.matches("^(%[a-z]+\\.)?undersigned\\.demo\\.enabled\\s*=.*"))
                .map(String::strip)
                .toList();
        assertThat(settings)
                .containsExactlyInAnyOrder("undersigned.demo.enabled=false", "%dev.undersigned.demo.enabled=true");
    }
}
