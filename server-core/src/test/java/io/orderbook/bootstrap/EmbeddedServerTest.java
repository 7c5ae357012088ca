package io.orderbook.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.markets.MarketModule;
import io.orderbook.application.trading.TradingModule;
import io.orderbook.application.users.Actor;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone modules started in-process, their services reachable directly (the workstation's embedded mode). */
class EmbeddedServerTest {

    @TempDir
    Path dataDir;

    private final TestDatabase db = TestEngines.newEmptyDatabase();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void exposesTheModulesServerMainPublishes() {
        Map<String, String> env = db.serverEnvironment(dataDir);
        env.put(ServerConfig.ADMIN_USERNAME, "embedded-admin");
        env.put(ServerConfig.ADMIN_PASSWORD, "embedded admin password");
        try (EmbeddedServer server = EmbeddedServer.start(ServerConfig.load(Optional.empty(), env),
                TestEngines.uniqueKeyPrefix())) {
            ServerInfrastructure infrastructure = server.core().infrastructure();
            assertThat(infrastructure.service(IdentityModule.class)).containsSame(server.identity());
            assertThat(infrastructure.service(TradingModule.class)).containsSame(server.trading());
            assertThat(infrastructure.service(MarketModule.class)).containsSame(server.markets());
            assertThat(infrastructure.service(String.class)).isEmpty();

            assertThat(server.identity().users().list(new Actor(0, UserRole.ADMIN), new PageRequest(0, 10)).items())
                    .singleElement().satisfies(user -> assertThat(user.username()).isEqualTo("embedded-admin"));
            assertThat(server.markets().service().markets()).isEmpty();
            assertThat(server.orderHistory().userExists(Long.MAX_VALUE)).isFalse();
            assertThat(server.baseUri().getPort()).isPositive();
        }
    }
}
