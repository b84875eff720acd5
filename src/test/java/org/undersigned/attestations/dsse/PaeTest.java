package org.undersigned.attestations.dsse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaeTest {

    @Test
    void theSpecsHelloWorldExample() {
        // protocol.md "Test Vectors"
        assertThat(Pae.encode("http://example.com/HelloWorld", "hello world".getBytes(UTF_8)))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world".getBytes(UTF_8));
    }

    @Test
    void lengthsCountUtf8BytesNotChars() {
        // 13 chars, 20 bytes: ë Ñ ú ñ take two bytes each, 日 本 three
        String body = "Zoë Ñúñez 日本";
        assertThat(Pae.encode("http://example.com/HelloWorld", body.getBytes(UTF_8)))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 20 Zoë Ñúñez 日本".getBytes(UTF_8));
        // the type is UTF-8 too: 18 chars, 19 bytes
        assertThat(Pae.encode("application/x-café", new byte[0]))
                .isEqualTo("DSSEv1 19 application/x-café 0 ".getBytes(UTF_8));
    }

    @Test
    void theBodyIsTakenAsRawBytes() {
        byte[] body = {(byte) 0xff, 0x00, ' '};
        byte[] expected = {'D', 'S', 'S', 'E', 'v', '1', ' ', '1', ' ', 't', ' ', '3', ' ', (byte) 0xff, 0x00, ' '};
        assertThat(Pae.encode("t", body)).isEqualTo(expected);
    }

    @Test
    void aTypeWithoutUtf8FormIsRefused() {
        assertThatThrownBy(() -> Pae.encode("bad\uD800type", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
