package io.orderbook.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {

    @Test
    void parsesHostPortAndDefaults() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://cache.internal:6380");

        assertThat(endpoint).isEqualTo(new RedisEndpoint(false, "cache.internal", 6380, 0, Optional.empty(), Optional.empty()));
        assertThat(endpoint.address()).isEqualTo("redis://cache.internal:6380");
        assertThat(RedisEndpoint.parse("redis://localhost").port()).isEqualTo(RedisEndpoint.DEFAULT_PORT);
    }

    @Test
    void parsesCredentialsDatabaseAndTls() {
        RedisEndpoint endpoint = RedisEndpoint.parse("rediss://svc:p%40ss@10.0.0.5:6390/3");

        assertThat(endpoint.tls()).isTrue();
        assertThat(endpoint.user()).contains("svc");
        assertThat(endpoint.password()).contains("p@ss");
        assertThat(endpoint.database()).isEqualTo(3);
        assertThat(endpoint.address()).isEqualTo("rediss://10.0.0.5:6390");
        assertThat(RedisEndpoint.parse("redis://:only-password@h").password()).contains("only-password");
        assertThat(RedisEndpoint.parse("redis://legacy-password@h").password()).contains("legacy-password");
        assertThat(RedisEndpoint.parse("redis://[::1]:6379").address()).isEqualTo("redis://[::1]:6379");
    }

    @Test
    void rejectsWhatIsNotARedisUrlWithoutEchoingThePassword() {
        assertThatThrownBy(() -> RedisEndpoint.parse("http://localhost:6379")).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis:///0")).hasMessageContaining("host");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://h:6379/x")).hasMessageContaining("database number");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://:hunter2secret@h:6379/x"))
                .hasMessageNotContaining("hunter2secret");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://h:99999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redactsThePasswordForLogs() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://svc:hunter2secret@h:6379");

        assertThat(endpoint.toString()).doesNotContain("hunter2secret").contains("<redacted>");
        assertThat(RedisEndpoint.redact(URI.create("redis://svc:hunter2secret@h:6379")))
                .isEqualTo("redis://<redacted>@h:6379");
        assertThat(RedisEndpoint.redact(URI.create("redis://h:6379"))).isEqualTo("redis://h:6379");
    }
}
