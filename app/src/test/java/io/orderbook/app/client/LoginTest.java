package io.orderbook.app.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.app.TestServer;
import io.orderbook.app.client.http.HttpWorkstationClient;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Logging in through both client implementations against the real server. */
class LoginTest {

    @Test
    void embeddedAdminLogsInInProcessAndOverHttp() {
        EmbeddedEngine engine = TestServer.engine();
        String password = engine.initialAdminPassword();

        try (WorkstationClient inProcess = InProcessWorkstationClient.login(engine.server(), "admin", password)) {
            assertThat(inProcess.session().username()).isEqualTo("admin");
            assertThat(inProcess.session().isAdmin()).isTrue();
        }
        try (WorkstationClient http = HttpWorkstationClient.login(engine.server().baseUri(), "admin", password,
                Clock.systemUTC())) {
            assertThat(http.session().username()).isEqualTo("admin");
            assertThat(http.session().role()).isEqualTo("ADMIN");
        }
    }

    @Test
    void wrongPasswordIsTheSameClearProblemInBothModes() {
        EmbeddedEngine engine = TestServer.engine();
        assertThatThrownBy(() -> InProcessWorkstationClient.login(engine.server(), "admin", "wrong-password"))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("UNAUTHENTICATED");
                });
        assertThatThrownBy(() -> HttpWorkstationClient.login(engine.server().baseUri(), "admin", "wrong-password",
                Clock.systemUTC()))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("UNAUTHENTICATED");
                });
    }

    @Test
    void unreachableServerIsAClientExceptionNotACrash() {
        assertThatThrownBy(() -> HttpWorkstationClient.login(java.net.URI.create("http://127.0.0.1:1"), "a", "b",
                Clock.systemUTC()))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.code()).isEqualTo(ClientException.UNREACHABLE));
    }
}
