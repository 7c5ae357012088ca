package io.orderbook.app.client.admin;

import io.orderbook.app.client.WorkstationClient;
import io.orderbook.app.client.http.HttpWorkstationClient;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;

/** Picks the admin client that matches how the workstation is connected. */
public final class AdminClients {

    private AdminClients() {
    }

    /**
     * Picks the admin client for a connection.
     *
     * @param client the logged-in workstation client
     * @return the in-process admin client in embedded mode, the HTTP one in remote mode, for the same user
     * @throws IllegalArgumentException for a client of another kind
     */
    public static AdminClient of(WorkstationClient client) {
        return switch (client) {
            case InProcessWorkstationClient inProcess -> new InProcessAdminClient(inProcess.server(), inProcess.actor());
            case HttpWorkstationClient http -> new HttpAdminClient(http.http());
            default -> throw new IllegalArgumentException("no admin client for " + client.getClass().getName());
        };
    }
}
