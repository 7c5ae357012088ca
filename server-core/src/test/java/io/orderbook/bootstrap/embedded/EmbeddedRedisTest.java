package io.orderbook.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.redis.RedisConnector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

class EmbeddedRedisTest {

    @Test
    void startsOnAFreePortServesClientsAndStopsCleanly() {
        int port;
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            port = redis.port();
            assertThat(redis.url().toString()).isEqualTo("redis://127.0.0.1:" + port);
            RedissonClient client = RedisConnector.connect(redis.url().toString(), "embedded-test:");
            try {
                client.getBucket("greeting").set("hello");
                assertThat(client.<String>getBucket("greeting").get()).isEqualTo("hello");
            } finally {
                client.shutdown(0, 2, TimeUnit.SECONDS);
            }
        }
        assertThat(isListening(port)).isFalse();
        assertThat(Files.exists(Path.of("dump.rdb"))).as("no snapshot written to the working directory").isFalse();
    }

    @Test
    void twoServersGetDifferentPorts() {
        try (EmbeddedRedis first = EmbeddedRedis.start(); EmbeddedRedis second = EmbeddedRedis.start()) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(isListening(first.port())).isTrue();
            assertThat(isListening(second.port())).isTrue();
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
