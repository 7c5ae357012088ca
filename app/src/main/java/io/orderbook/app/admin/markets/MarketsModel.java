package io.orderbook.app.admin.markets;

import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.admin.AdminClient;
import io.orderbook.app.client.admin.AdminMarket;
import io.orderbook.app.client.admin.MarketRules;
import io.orderbook.app.client.admin.NewMarket;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The markets screen's state and commands. */
public final class MarketsModel {

    private final AdminClient client;
    private final ServerCalls calls;
    private final ObservableList<AdminMarket> markets = FXCollections.observableArrayList();

    /**
     * Creates the screen's state, empty until {@link #refresh()}.
     *
     * @param client the admin operations of the logged-in user
     * @param calls  runs the server calls off the JavaFX thread
     */
    public MarketsModel(AdminClient client, ServerCalls calls) {
        this.client = Objects.requireNonNull(client, "client");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    ObservableList<AdminMarket> markets() {
        return markets;
    }

    /** Reloads the markets from the server, off the JavaFX thread. */
    public void refresh() {
        calls.run(client::markets, markets::setAll);
    }

    void create(NewMarket market) {
        calls.run(() -> client.createMarket(market), this::replace);
    }

    void edit(AdminMarket market, MarketRules changes) {
        calls.run(() -> client.editMarket(market.symbol(), changes), this::replace);
    }

    void setHalted(AdminMarket market, boolean halted) {
        calls.run(() -> client.setHalted(market.symbol(), halted), this::replace);
    }

    private void replace(AdminMarket changed) {
        for (int i = 0; i < markets.size(); i++) {
            if (markets.get(i).symbol().equals(changed.symbol())) {
                markets.set(i, changed);
                return;
            }
        }
        markets.add(changed);
    }
}
