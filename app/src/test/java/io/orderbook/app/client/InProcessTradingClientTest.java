package io.orderbook.app.client;

import io.orderbook.app.TestServer;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;

/** The in-process client (embedded mode) against the real server. */
class InProcessTradingClientTest extends TradingClientContract {

    @Override
    protected WorkstationClient login(String username, String password) {
        return InProcessWorkstationClient.login(TestServer.server(), username, password);
    }

    @Override
    protected String baseAsset() {
        return "TIPC";
    }
}
