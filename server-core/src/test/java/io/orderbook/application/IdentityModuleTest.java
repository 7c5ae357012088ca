package io.orderbook.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.http.identity.IdentityTestServer;
import io.orderbook.adapters.http.pipeline.AuthenticationResult;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.PresentedCredentials;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.application.auth.TokenPair;
import io.orderbook.bootstrap.AdminAccount;
import io.orderbook.bootstrap.Secret;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class IdentityModuleTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();

    @Test
    void the_configured_first_admin_is_created_on_the_first_start_only_and_can_log_in() {
        AdminAccount configured = new AdminAccount("admin", Secret.ofText("configured password"));
        TestClock clock = TestClock.atSystemTime();

        try (IdentityModule first = new IdentityModule(db.database(), redis.client(), IdentityTestServer.testSettings(), clock)) {
            assertThat(first.ensureFirstAdmin(Optional.empty())).isFalse();
            assertThat(first.ensureFirstAdmin(Optional.of(configured))).isTrue();
        }
        try (IdentityModule restarted = new IdentityModule(db.database(), redis.client(), IdentityTestServer.testSettings(), clock)) {
            AdminAccount changed = new AdminAccount("admin", Secret.ofText("a changed password"));
            assertThat(restarted.ensureFirstAdmin(Optional.of(changed))).isFalse();

            TokenPair tokens = restarted.auth().login("admin", "configured password", "127.0.0.1");
            AuthenticationResult result = restarted.authenticator()
                    .authenticate(new PresentedCredentials.BearerToken(tokens.accessToken()), "127.0.0.1");

            assertThat(result).isInstanceOfSatisfying(AuthenticationResult.Authenticated.class,
                    ok -> assertThat(ok.caller()).isInstanceOfSatisfying(Caller.User.class, user -> assertThat(user.role()).isEqualTo(Role.ADMIN)));
        }
    }

    @Test
    void settings_never_show_the_jwt_secret_and_close_may_be_called_twice() {
        IdentityModule.Settings settings = IdentityTestServer.testSettings();
        assertThat(settings.toString()).contains("<redacted>").doesNotContain(new String(IdentityTestServer.JWT_SECRET));

        IdentityModule module = new IdentityModule(db.database(), redis.client(), settings, TestClock.atSystemTime());
        module.close();
        module.close();
    }
}
