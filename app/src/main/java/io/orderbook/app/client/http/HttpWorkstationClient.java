package io.orderbook.app.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.JsonHttp;
import io.orderbook.app.client.Session;
import io.orderbook.app.client.WorkstationClient;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** The workstation's client for a remote server: JSON over HTTP and a WebSocket for the live streams. */
public class HttpWorkstationClient implements WorkstationClient {

    protected final JsonHttp http;
    private final Session session;
    private final URI serverUrl;

    protected HttpWorkstationClient(JsonHttp http, Session session, URI serverUrl) {
        this.http = http;
        this.session = session;
        this.serverUrl = serverUrl;
    }

    /** Logs in at the server and reads who the user is. */
    public static HttpWorkstationClient login(URI serverUrl, String username, String password, Clock clock) {
        JsonHttp http = new JsonHttp(serverUrl, clock);
        try {
            http.login(username, password);
            JsonNode user = http.get("auth/me", Map.of()).path("user");
            Session session = new Session(user.path("id").asLong(), user.path("username").asText(username),
                    user.path("role").asText("TRADER"));
            return new HttpWorkstationClient(http, session, serverUrl);
        } catch (ClientException | IllegalArgumentException e) {
            http.close();
            throw e;
        }
    }

    /** The JSON helper, for the admin screens' calls. */
    public JsonHttp http() {
        return http;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String serverDescription() {
        return serverUrl.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
