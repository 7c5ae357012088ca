package io.orderbook.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server.sample.properties documents every setting and, uncommented, is a valid configuration. */
class ServerSamplePropertiesTest {

    private static final Pattern SETTING_LINE = Pattern.compile("(?m)^#([A-Z_]+)=(.*)$");

    private static String sample() throws IOException {
        try (InputStream in = ServerSamplePropertiesTest.class.getResourceAsStream("/server.sample.properties")) {
            assertThat(in).as("server.sample.properties on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void documentsEverySettingTheServerReads() throws IOException {
        Matcher lines = SETTING_LINE.matcher(sample());
        java.util.Set<String> documented = new java.util.HashSet<>();
        while (lines.find()) documented.add(lines.group(1));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(ServerConfig.SETTINGS);
    }

    @Test
    void asCommentedItLoadsToTheDefaultsAndItsExamplesAreValid(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("server.properties");
        Files.writeString(file, sample());
        ServerConfig defaults = ServerConfig.load(Optional.of(file), Map.of());
        assertThat(defaults.usesEmbeddedDatabase()).isTrue();
        assertThat(defaults.httpPort()).isEqualTo(ServerConfig.DEFAULT_HTTP_PORT);
        assertThat(defaults.usesEmbeddedKafka()).isTrue();

        // Every example value, uncommented, passes validation (secrets are left empty in the sample).
        String uncommented = SETTING_LINE.matcher(sample()).results()
                .map(line -> line.group(1) + "=" + line.group(2))
                .collect(Collectors.joining("\n"));
        Files.writeString(file, uncommented.replace("DATA_DIR=/var/lib/orderbook", "DATA_DIR=" + temp));
        ServerConfig examples = ServerConfig.load(Optional.of(file), Map.of());
        assertThat(examples.database()).isPresent();
        assertThat(examples.redisUrl()).isPresent();
        assertThat(examples.anonymousRequestsPerMinute()).isEqualTo(60);
        assertThat(examples.kafka().bootstrapServers()).contains("kafka-1.internal:9092,kafka-2.internal:9092");
        assertThat(examples.kafka().runsSimulator()).isTrue();
        assertThat(examples.kafka().simulatorTokens()).isEqualTo(KafkaSettings.DEFAULT_SIMULATOR_TOKENS);
    }
}
