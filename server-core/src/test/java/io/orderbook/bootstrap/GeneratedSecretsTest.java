package io.orderbook.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSecretsTest {

    @TempDir
    Path dataDir;

    private ServerConfig unconfigured() {
        return ServerConfig.load(Optional.empty(), Map.of("DATA_DIR", dataDir.toString()));
    }

    @Test
    void generatesSecretsOnceAndReadsThemBackAfterARestart() throws IOException {
        Secret masterKey = new GeneratedSecrets(dataDir).masterKey(unconfigured());
        Secret jwtSecret = new GeneratedSecrets(dataDir).jwtSecret(unconfigured());

        assertThat(masterKey.length()).isEqualTo(ServerConfig.MASTER_KEY_BYTES);
        assertThat(jwtSecret.length()).isGreaterThanOrEqualTo(ServerConfig.MIN_JWT_SECRET_BYTES);
        assertThat(new GeneratedSecrets(dataDir).masterKey(unconfigured())).isEqualTo(masterKey);
        assertThat(new GeneratedSecrets(dataDir).jwtSecret(unconfigured())).isEqualTo(jwtSecret);
        Path file = dataDir.resolve("secrets").resolve(GeneratedSecrets.MASTER_KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dataDir.resolve("secrets"))) {
            assertThat(files).hasSize(2); // no temporary files left behind
        }
    }

    @Test
    void configuredSecretsWinAndNothingIsWritten() {
        ServerConfig config = ServerConfig.load(Optional.empty(), Map.of(
                "DATA_DIR", dataDir.toString(),
                "MASTER_KEY", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWY=",
                "JWT_SECRET", "configured-jwt-secret-0123456789abcdef"));

        assertThat(new GeneratedSecrets(dataDir).masterKey(config)).isEqualTo(config.masterKey().orElseThrow());
        assertThat(new GeneratedSecrets(dataDir).jwtSecret(config).reveal()).isEqualTo("configured-jwt-secret-0123456789abcdef");
        assertThat(dataDir.resolve("secrets")).doesNotExist();
    }

    @Test
    void aDamagedSecretFileIsReportedNotReplaced() throws IOException {
        Path file = dataDir.resolve("secrets").resolve(GeneratedSecrets.MASTER_KEY_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "dG9vIHNob3J0");

        assertThatThrownBy(() -> new GeneratedSecrets(dataDir).masterKey(unconfigured()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("dG9vIHNob3J0");
    }

    @Test
    void aSecretNeverShowsInToString() {
        Secret secret = Secret.ofText("visible-nowhere");

        assertThat(secret).hasToString("<redacted>");
        assertThat(new AdminAccount("admin", secret).toString()).doesNotContain("visible-nowhere");
    }
}
