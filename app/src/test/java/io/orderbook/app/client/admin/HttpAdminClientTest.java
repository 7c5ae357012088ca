package io.orderbook.app.client.admin;

import io.orderbook.app.TestServer;
import io.orderbook.app.client.JsonHttp;
import java.time.Clock;

/** The HTTP admin client against the test server's HTTP API. */
class HttpAdminClientTest extends AdminClientContract {

    @Override
    AdminClient asAdmin() {
        return as(adminName(), adminPassword());
    }

    @Override
    AdminClient as(String username, String password) {
        var http = new JsonHttp(TestServer.server().baseUri(), Clock.systemUTC());
        http.login(username, password);
        return new HttpAdminClient(http);
    }
}
