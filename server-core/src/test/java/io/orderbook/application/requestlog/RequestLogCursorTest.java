package io.orderbook.application.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RequestLogCursorTest {

    @Test
    void encodesToUrlSafeTextAndBack() {
        RequestLogCursor cursor = new RequestLogCursor(Instant.parse("2026-01-31T12:00:00.123456Z"), 3);
        String text = cursor.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(RequestLogCursor.decode(text)).isEqualTo(cursor);
    }

    @Test
    void refusesTextThatIsNotACursor() {
        for (String text : new String[] {"", "!!!", "bm9wZQ", encode("1.x.0.0"), encode("2.1.0.0"), encode("1.1.0"),
                encode("1.1.1000000000.0"), encode("1.1.0.-1"), encode("1.99999999999999999.0.0")}) {
            assertThatThrownBy(() -> RequestLogCursor.decode(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
