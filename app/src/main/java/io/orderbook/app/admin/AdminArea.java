package io.orderbook.app.admin;

import io.orderbook.app.admin.apikeys.ApiKeysModel;
import io.orderbook.app.admin.apikeys.ApiKeysView;
import io.orderbook.app.admin.architecture.ArchitectureView;
import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.admin.jobs.JobsModel;
import io.orderbook.app.admin.jobs.JobsView;
import io.orderbook.app.admin.markets.MarketsModel;
import io.orderbook.app.admin.markets.MarketsView;
import io.orderbook.app.admin.requestlog.RequestLogModel;
import io.orderbook.app.admin.requestlog.RequestLogView;
import io.orderbook.app.admin.users.UsersModel;
import io.orderbook.app.admin.users.UsersView;
import io.orderbook.app.client.admin.AdminClient;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The administration area: one tab per screen. Administrators get Users, Markets, API keys, Request log,
 * Scheduled jobs and Architecture; other users only their own API keys. Each screen loads when its tab is
 * first shown, off the JavaFX thread.
 */
public final class AdminArea {

    private final TabPane tabs = new TabPane();

    /**
     * Builds the tabs for the logged-in user; nothing loads until a tab is shown.
     *
     * @param client the admin operations of the logged-in user
     * @param calls  runs the screens' server calls off the JavaFX thread
     * @param userId the logged-in user
     * @param admin  whether they have the ADMIN role
     * @param clock  the request log's notion of now (its time ranges)
     */
    public AdminArea(AdminClient client, ServerCalls calls, long userId, boolean admin, Clock clock) {
        tabs.setId("adminArea");
        // The workstation's dense table and toolbar styles, also when the area is shown on its own.
        tabs.getStyleClass().add("workstation");
        tabs.getStylesheets().add(AdminArea.class.getResource("/io/orderbook/app/shell/workstation.css").toExternalForm());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        if (admin) {
            var users = new UsersModel(client, calls);
            add("Users", "usersTab", new UsersView(users).root(), users::refresh);
            var markets = new MarketsModel(client, calls);
            add("Markets", "marketsTab", new MarketsView(markets).root(), markets::refresh);
        }
        var keys = new ApiKeysModel(client, calls, userId, admin);
        add("API keys", "apiKeysTab", new ApiKeysView(keys).root(), keys::refresh);
        if (admin) {
            var requestLog = new RequestLogModel(client, calls, clock);
            var requestLogView = new RequestLogView(requestLog, clock);
            add("Request log", "requestLogTab", requestLogView.root(), requestLogView::applyFilter);
            var jobs = new JobsModel(client, calls);
            add("Scheduled jobs", "jobsTab", new JobsView(jobs).root(), jobs::refresh);
            add("Architecture", "architectureTab", new ArchitectureView().root(), () -> { });
        }
    }

    /**
     * The area's node, to place in a window.
     *
     * @return the tab pane
     */
    public Node root() {
        return tabs;
    }

    /**
     * The tab pane, to select a screen.
     *
     * @return the same pane as {@link #root()}
     */
    public TabPane tabs() {
        return tabs;
    }

    private void add(String title, String id, Node content, Runnable firstShown) {
        var tab = new Tab(title, content);
        tab.setId(id);
        boolean[] loaded = {false};
        Runnable loadOnce = () -> {
            if (!loaded[0]) {
                loaded[0] = true;
                firstShown.run();
            }
        };
        tab.selectedProperty().subscribe(selected -> {
            if (selected) loadOnce.run();
        });
        tabs.getTabs().add(tab);
    }
}
