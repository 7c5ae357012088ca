package io.orderbook.app.client.admin;

import io.orderbook.app.TestServer;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;

/** The in-process admin client against the test server's application services. */
class InProcessAdminClientTest extends AdminClientContract {

    @Override
    AdminClient asAdmin() {
        return as(adminName(), adminPassword());
    }

    @Override
    AdminClient as(String username, String password) {
        var session = InProcessWorkstationClient.login(TestServer.server(), username, password);
        return new InProcessAdminClient(TestServer.server(), session.actor());
    }
}
