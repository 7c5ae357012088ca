package io.orderbook.app.client;

import io.orderbook.app.TestServer;
import io.orderbook.app.client.http.HttpWorkstationClient;
import java.time.Clock;

/** The HTTP/WebSocket client (remote mode) against the real server over loopback. */
class HttpTradingClientTest extends TradingClientContract {

    @Override
    protected WorkstationClient login(String username, String password) {
        return HttpWorkstationClient.login(TestServer.server().baseUri(), username, password, Clock.systemUTC());
    }

    @Override
    protected String baseAsset() {
        return "THTP";
    }
}
