package io.orderbook.app.admin.markets;

import io.orderbook.app.admin.common.Columns;
import io.orderbook.app.admin.common.Formats;
import io.orderbook.app.client.admin.AdminMarket;
import io.orderbook.app.client.admin.MarketRules;
import io.orderbook.app.client.admin.NewMarket;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Markets: list, create, edit rules, halt and resume; the selected market's public key below the list. */
public final class MarketsView {

    private static final List<String> STP_MODES = List.of("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH");

    private final BorderPane root = new BorderPane();
    private final TableView<AdminMarket> table = new TableView<>();

    /**
     * Builds the screen; it shows what {@code model} holds and sends the user's commands to it.
     *
     * @param model the screen's state and commands
     */
    public MarketsView(MarketsModel model) {
        root.setId("marketsView");
        table.setId("marketsTable");
        table.setItems(model.markets());
        table.setPlaceholder(new Label("No markets listed"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.text("Symbol", AdminMarket::symbol),
                Columns.text("Base", AdminMarket::base),
                Columns.text("Quote", AdminMarket::quote),
                Columns.number("Tick size", (AdminMarket m) -> Formats.decimal(m.tickSize())),
                Columns.number("Lot size", (AdminMarket m) -> Formats.decimal(m.lotSize())),
                Columns.number("Min notional", (AdminMarket m) -> Formats.decimal(m.minNotional())),
                Columns.number("Maker fee", (AdminMarket m) -> Formats.percent(m.makerFee())),
                Columns.number("Taker fee", (AdminMarket m) -> Formats.percent(m.takerFee())),
                Columns.text("Default STP", AdminMarket::defaultStp),
                Columns.text("Status", (AdminMarket m) -> m.halted() ? "Halted" : "Trading"),
                Columns.text("Updated", (AdminMarket m) -> Formats.dateTime(m.updatedAt()))));

        var selected = table.getSelectionModel().selectedItemProperty();
        var create = new Button("New market…");
        create.setId("newMarket");
        create.setOnAction(_ -> newMarketDialog().showAndWait().ifPresent(model::create));
        var edit = new Button("Edit rules…");
        edit.setId("editMarket");
        edit.disableProperty().bind(selected.isNull());
        edit.setOnAction(_ -> editDialog(selected.get()).showAndWait().ifPresent(changes -> model.edit(selected.get(), changes)));
        var halt = new Button("Halt");
        halt.setId("haltMarket");
        halt.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null || selected.get().halted(), selected));
        halt.setOnAction(_ -> model.setHalted(selected.get(), true));
        var resume = new Button("Resume");
        resume.setId("resumeMarket");
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null || !selected.get().halted(), selected));
        resume.setOnAction(_ -> model.setHalted(selected.get(), false));
        var refresh = new Button("Refresh");
        refresh.setOnAction(_ -> model.refresh());

        var publicKey = new TextArea();
        publicKey.setId("marketPublicKey");
        publicKey.setEditable(false);
        publicKey.setWrapText(true);
        publicKey.setPrefRowCount(2);
        publicKey.getStyleClass().add("monospace");
        publicKey.setPromptText("Select a market to see the Ed25519 public key that verifies its trade signatures");
        selected.subscribe(market -> publicKey.setText(market == null ? "" : market.publicKey()));
        var copy = new Button("Copy");
        copy.disableProperty().bind(publicKey.textProperty().isEmpty());
        copy.setOnAction(_ -> {
            var content = new ClipboardContent();
            content.putString(publicKey.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        var keyTitle = new Label("Public key (Base64, X.509) — verifies the market's signed trades");
        keyTitle.getStyleClass().add("text-bold");
        HBox.setHgrow(publicKey, Priority.ALWAYS);
        var keyBox = new VBox(4, keyTitle, new HBox(6, publicKey, copy));
        keyBox.setPadding(new Insets(6, 8, 8, 8));

        var split = new SplitPane(table, keyBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(keyBox, false);

        root.setTop(new ToolBar(create, edit, new Separator(), halt, resume, new Separator(), refresh));
        root.setCenter(split);
    }

    /**
     * The screen's node, for its tab.
     *
     * @return the root of the market table, its toolbar and the selected market's public key
     */
    public Node root() {
        return root;
    }

    private static Dialog<NewMarket> newMarketDialog() {
        var symbol = field("marketSymbol", "BTC-USDT");
        var base = field("marketBase", "BTC");
        var quote = field("marketQuote", "USDT");
        var rules = new RulesForm(null);
        var form = new GridPane();
        form.addRow(0, new Label("Symbol"), symbol);
        form.addRow(1, new Label("Base asset"), base);
        form.addRow(2, new Label("Quote asset"), quote);
        rules.addTo(form, 3);
        return formDialog("newMarketDialog", "New market", "List a market; the server makes its signing key pair.", form,
                () -> new NewMarket(symbol.getText().strip(), base.getText().strip(), quote.getText().strip(), rules.rules()));
    }

    private static Dialog<MarketRules> editDialog(AdminMarket market) {
        var rules = new RulesForm(market);
        var form = new GridPane();
        rules.addTo(form, 0);
        return formDialog("editMarketDialog", "Edit " + market.symbol(),
                "Change the rules; tick and lot size change only while the market has no orders.", form,
                () -> rules.changesFrom(market));
    }

    private static <T> Dialog<T> formDialog(String id, String title, String header, GridPane form, Supplier<T> result) {
        form.setHgap(10);
        form.setVgap(8);
        form.setPadding(new Insets(8, 0, 0, 0));
        var dialog = new Dialog<T>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? result.get() : null);
        return dialog;
    }

    private static TextField field(String id, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** The rule fields, filled from a market when editing. */
    private static final class RulesForm {
        final TextField tickSize = field("marketTickSize", "0.01");
        final TextField lotSize = field("marketLotSize", "0.0001");
        final TextField minNotional = field("marketMinNotional", "10");
        final TextField makerFee = field("marketMakerFee", "0.001 (= 0.1%)");
        final TextField takerFee = field("marketTakerFee", "0.002 (= 0.2%)");
        final ComboBox<String> stp = new ComboBox<>();

        RulesForm(AdminMarket market) {
            stp.getItems().setAll(STP_MODES);
            stp.setValue("NONE");
            if (market != null) {
                tickSize.setText(Formats.decimal(market.tickSize()));
                lotSize.setText(Formats.decimal(market.lotSize()));
                minNotional.setText(Formats.decimal(market.minNotional()));
                makerFee.setText(Formats.decimal(market.makerFee()));
                takerFee.setText(Formats.decimal(market.takerFee()));
                stp.setValue(market.defaultStp());
            }
        }

        void addTo(GridPane form, int row) {
            form.addRow(row, new Label("Tick size"), tickSize);
            form.addRow(row + 1, new Label("Lot size"), lotSize);
            form.addRow(row + 2, new Label("Min notional"), minNotional);
            form.addRow(row + 3, new Label("Maker fee"), makerFee);
            form.addRow(row + 4, new Label("Taker fee"), takerFee);
            form.addRow(row + 5, new Label("Default STP"), stp);
        }

        /** Every field as typed; the server reports the missing and invalid ones together. */
        MarketRules rules() {
            return new MarketRules(tickSize.getText().strip(), lotSize.getText().strip(), minNotional.getText().strip(),
                    makerFee.getText().strip(), takerFee.getText().strip(), stp.getValue());
        }

        /** Only what differs from the market, so an unchanged tick size is not sent (it needs an empty book). */
        MarketRules changesFrom(AdminMarket market) {
            return new MarketRules(
                    changed(tickSize, Formats.decimal(market.tickSize())), changed(lotSize, Formats.decimal(market.lotSize())),
                    changed(minNotional, Formats.decimal(market.minNotional())),
                    changed(makerFee, Formats.decimal(market.makerFee())), changed(takerFee, Formats.decimal(market.takerFee())),
                    stp.getValue() == null || stp.getValue().equals(market.defaultStp()) ? null : stp.getValue());
        }

        private static String changed(TextField field, String old) {
            String now = field.getText().strip();
            return now.isEmpty() || now.equals(old) ? null : now;
        }
    }
}
