package io.orderbook.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.UserRow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesAStopAndAStartOnTheSameDirectory() {
        int firstPort;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir)) {
            firstPort = postgres.port();
            postgres.createDatabaseIfMissing("orderbook");
            postgres.createDatabaseIfMissing("orderbook"); // idempotent
            try (Database database = Database.open(postgres.target("orderbook"))) {
                new UserRepository(database, Clock.systemUTC()).insert(new UserRow("survivor", "hash", UserRole.ADMIN, true));
            }
        }
        assertThat(isListening(firstPort)).isFalse();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist(); // a clean stop

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir);
             Database database = Database.open(postgres.target("orderbook"))) {
            assertThat(new UserRepository(database, Clock.systemUTC()).findByUsername("survivor")).isPresent();
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
