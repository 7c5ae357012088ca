package io.orderbook.app.ticket;

import atlantafx.base.theme.Styles;
import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.trading.Book;
import io.orderbook.app.client.trading.ConditionalOrder;
import io.orderbook.app.client.trading.ConditionalOrderRequest;
import io.orderbook.app.client.trading.Market;
import io.orderbook.app.client.trading.OrderRequest;
import io.orderbook.app.common.AreaPane;
import io.orderbook.app.common.Background;
import io.orderbook.app.common.Dialogs;
import io.orderbook.app.common.Numbers;
import io.orderbook.app.trading.TradingModel;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import java.math.BigDecimal;
import java.math.MathContext;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The form that places an order in the selected market: side; type (limit, market, post-only, or a conditional
 * stop-loss, take-profit, trailing stop or trigger); price; amount as quantity, quote amount or % of balance; time in
 * force. It checks the ticket as the user types ({@link TicketCheck}), shows the estimated cost and fee, and asks
 * for confirmation when the price is far from the market or the order is large.
 */
public final class OrderTicketView {

    /** A price further than this from the market's mid asks for a confirmation. */
    static final BigDecimal FAR_FROM_MARKET = new BigDecimal("0.05");
    /** An order using more than this share of the available balance asks for a confirmation. */
    static final BigDecimal LARGE_SHARE = new BigDecimal("0.5");

    private final TradingModel model;
    private final ToggleButton buy = new ToggleButton("Buy");
    private final ToggleButton sell = new ToggleButton("Sell");
    private final ComboBox<TicketType> type = new ComboBox<>();
    private final TextField trigger = new TextField();
    private final TextField price = new TextField();
    private final ComboBox<AmountMode> amountMode = new ComboBox<>();
    private final TextField amount = new TextField();
    private final ComboBox<TimeInForce> timeInForce = new ComboBox<>();
    private final Label message = new Label();
    private final Label estimate = new Label();
    private final Label balance = new Label();
    private final Button submit = new Button();
    private final AreaPane root;
    private boolean sending;

    /**
     * Builds the ticket for the market selected in {@code model}; it follows that selection and the balances.
     *
     * @param model the trading screen's state, which also sends the orders
     */
    public OrderTicketView(TradingModel model) {
        this.model = model;
        ToggleGroup sides = new ToggleGroup();
        buy.setToggleGroup(sides);
        sell.setToggleGroup(sides);
        buy.setSelected(true);
        buy.setId("ticketBuy");
        sell.setId("ticketSell");
        buy.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SUCCESS);
        sell.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.DANGER);
        buy.setMaxWidth(Double.MAX_VALUE);
        sell.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(buy, Priority.ALWAYS);
        HBox.setHgrow(sell, Priority.ALWAYS);
        // A side is always chosen: clicking the selected one keeps it.
        sides.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            }
            update();
        });

        type.getItems().setAll(TicketType.values());
        type.setValue(TicketType.LIMIT);
        type.setId("ticketType");
        amountMode.getItems().setAll(AmountMode.values());
        amountMode.setValue(AmountMode.QUANTITY);
        amountMode.setId("ticketAmountMode");
        timeInForce.getItems().setAll(TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK);
        timeInForce.setValue(TimeInForce.GTC);
        timeInForce.setId("ticketTif");
        price.setId("ticketPrice");
        price.setPromptText("Price");
        trigger.setId("ticketTrigger");
        amount.setId("ticketAmount");
        amount.setPromptText("Amount");
        message.setId("ticketMessage");
        message.getStyleClass().add(Styles.DANGER);
        message.setWrapText(true);
        estimate.setId("ticketEstimate");
        estimate.setWrapText(true);
        balance.getStyleClass().add(Styles.TEXT_MUTED);
        submit.setId("ticketSubmit");
        submit.setDefaultButton(false);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.setOnAction(e -> submit());

        GridPane form = new GridPane(6, 6);
        form.getColumnConstraints().addAll(new ColumnConstraints(80), new ColumnConstraints(80, 160, Double.MAX_VALUE));
        form.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        int row = 0;
        form.addRow(row++, new Label("Type"), type);
        form.addRow(row++, new Label("Trigger"), trigger);
        form.addRow(row++, new Label("Price"), price);
        form.addRow(row++, new Label("Amount in"), amountMode);
        form.addRow(row++, new Label("Amount"), amount);
        form.addRow(row++, new Label("Time in force"), timeInForce);
        for (Node n : new Node[] {type, trigger, price, amountMode, amount, timeInForce}) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            ((javafx.scene.control.Control) n).setMaxWidth(Double.MAX_VALUE);
        }
        VBox box = new VBox(8, new HBox(buy, sell), form, balance, estimate, message, submit);
        box.setPadding(new Insets(8));
        box.setId("ticket");
        root = new AreaPane("Order ticket", box);

        type.valueProperty().subscribe(this::update);
        amountMode.valueProperty().subscribe(this::update);
        price.textProperty().subscribe(this::update);
        trigger.textProperty().subscribe(this::update);
        amount.textProperty().subscribe(this::update);
        model.selectedMarketProperty().subscribe(this::update);
        model.balances().subscribe(this::update);
        update();
    }

    /**
     * The ticket's node, to place in the window.
     *
     * @return the ticket's framed area
     */
    public Node root() {
        return root;
    }

    /**
     * Chooses the side (keyboard shortcuts, ladder clicks).
     *
     * @param side the side to select
     */
    public void setSide(Side side) {
        (side == Side.BUY ? buy : sell).setSelected(true);
    }

    /**
     * Puts a price in the ticket (a click on the ladder), switching to a limit order when the type has no price.
     *
     * @param value the price
     */
    public void setPrice(BigDecimal value) {
        if (!type.getValue().hasPrice()) {
            type.setValue(TicketType.LIMIT);
        }
        price.setText(Numbers.plain(value));
    }

    /** Moves the keyboard focus to the amount (or the price when empty). */
    public void focus() {
        (type.getValue().hasPrice() && price.getText().isBlank() ? price : amount).requestFocus();
    }

    private Side side() {
        return buy.isSelected() ? Side.BUY : Side.SELL;
    }

    private TicketCheck check() {
        Market market = model.selectedMarket();
        if (market == null) {
            return null;
        }
        TicketType t = type.getValue();
        BigDecimal p = t.hasPrice() ? decimal(price.getText()) : reference(market);
        if (t.conditional() && !t.hasPrice()) {
            p = decimal(trigger.getText());
        }
        BigDecimal available = side() == Side.BUY ? model.available(market.quote()) : model.available(market.base());
        TicketCheck check = TicketCheck.of(market, side(), t, amountMode.getValue(), p, decimal(amount.getText()), available);
        if (t.conditional() && decimal(trigger.getText()) == null) {
            java.util.List<String> problems = new java.util.ArrayList<>(check.problems());
            problems.addFirst(t == TicketType.TRAILING_STOP ? "Enter the trailing distance" : "Enter a trigger price");
            return new TicketCheck(check.quantity(), check.notional(), check.fee(), problems);
        }
        return check;
    }

    private void update() {
        Market market = model.selectedMarket();
        TicketType t = type.getValue();
        price.setDisable(!t.hasPrice());
        trigger.setDisable(!t.conditional());
        trigger.setPromptText(t == TicketType.TRAILING_STOP ? "Trailing distance" : "Trigger price");
        timeInForce.setDisable(t != TicketType.LIMIT);
        submit.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        submit.getStyleClass().add(side() == Side.BUY ? Styles.SUCCESS : Styles.DANGER);
        if (market == null) {
            submit.setText("No market");
            submit.setDisable(true);
            message.setText("");
            estimate.setText("");
            balance.setText("");
            return;
        }
        submit.setText((side() == Side.BUY ? "Buy " : "Sell ") + market.base());
        balance.setText("Available: " + Numbers.plain(model.available(market.quote())) + " " + market.quote() + " · "
                + Numbers.plain(model.available(market.base())) + " " + market.base());
        TicketCheck check = check();
        boolean typed = !amount.getText().isBlank();
        message.setText(typed && check != null ? String.join("\n", check.problems()) : "");
        if (check != null && check.notional() != null) {
            estimate.setText("Quantity " + Numbers.plain(check.quantity()) + " " + market.base() + " · Cost ≈ "
                    + check.notional().toPlainString() + " " + market.quote() + " · Fee ≤ " + check.fee().toPlainString()
                    + " " + market.quote());
        } else if (check != null && check.quantity() != null) {
            estimate.setText("Quantity " + Numbers.plain(check.quantity()) + " " + market.base());
        } else {
            estimate.setText("");
        }
        submit.setDisable(sending || check == null || !check.ok());
    }

    /** Sends the ticket: checks it, confirms when far from the market or large, then places it in the background. */
    public void submit() {
        Market market = model.selectedMarket();
        TicketCheck check = check();
        if (market == null || check == null || !check.ok() || sending) {
            update();
            if (check != null && !check.ok()) {
                message.setText(String.join("\n", check.problems()));
            }
            return;
        }
        TicketType t = type.getValue();
        Side side = side();
        BigDecimal p = t.hasPrice() ? decimal(price.getText()) : null;
        String warning = warning(market, side, p, check);
        if (warning != null && !Dialogs.confirm("Send this order?", warning)) {
            return;
        }
        sending = true;
        update();
        if (t.conditional()) {
            BigDecimal triggerValue = decimal(trigger.getText());
            ConditionalOrder.Quantity quantity = switch (amountMode.getValue()) {
                case QUANTITY -> new ConditionalOrder.Quantity("BASE", check.quantity());
                case QUOTE -> new ConditionalOrder.Quantity("QUOTE", decimal(amount.getText()));
                case PERCENT -> new ConditionalOrder.Quantity("BALANCE_PERCENT", decimal(amount.getText()));
            };
            ConditionalOrderRequest request = new ConditionalOrderRequest(market.symbol(), t.name(), side,
                    p == null ? OrderType.MARKET : OrderType.LIMIT, t == TicketType.TRAILING_STOP ? null : triggerValue,
                    p, t == TicketType.TRAILING_STOP ? triggerValue : null, quantity);
            Background.run(() -> model.client().placeConditional(request), placed -> sent("Conditional order placed"),
                    this::failed);
            return;
        }
        OrderRequest request = switch (t) {
            case MARKET -> amountMode.getValue() == AmountMode.QUOTE && side == Side.BUY
                    ? new OrderRequest(market.symbol(), side, OrderType.MARKET, TimeInForce.IOC, null, null,
                            decimal(amount.getText()), null)
                    : OrderRequest.market(market.symbol(), side, check.quantity());
            case POST_ONLY -> new OrderRequest(market.symbol(), side, OrderType.LIMIT_MAKER, TimeInForce.GTC, p,
                    check.quantity(), null, null);
            default -> new OrderRequest(market.symbol(), side, OrderType.LIMIT, timeInForce.getValue(), p,
                    check.quantity(), null, null);
        };
        Background.run(() -> model.client().place(request), result -> sent("Order " + result.order().id() + " "
                + (result.order().status() == null ? "sent" : result.order().status().name().toLowerCase())), this::failed);
    }

    private void sent(String text) {
        sending = false;
        amount.clear();
        update();
        estimate.setText(text);
        model.refreshOrders();
        model.refreshConditional();
    }

    private void failed(ClientException e) {
        sending = false;
        update();
        message.setText(e.userMessage());
        model.rejected(e);
    }

    /** Why the order deserves a second look, or null. */
    private String warning(Market market, Side side, BigDecimal p, TicketCheck check) {
        BigDecimal reference = reference(market);
        if (p != null && reference != null && reference.signum() > 0) {
            BigDecimal distance = p.subtract(reference).abs().divide(reference, MathContext.DECIMAL64);
            if (distance.compareTo(FAR_FROM_MARKET) > 0) {
                return "The price " + p.toPlainString() + " is " + Numbers.percent(distance).replace("+", "")
                        + " away from the market (" + reference.toPlainString() + ").";
            }
        }
        BigDecimal available = side == Side.BUY ? model.available(market.quote()) : model.available(market.base());
        BigDecimal used = side == Side.BUY ? check.notional() : check.quantity();
        if (used != null && available.signum() > 0 && used.divide(available, MathContext.DECIMAL64).compareTo(LARGE_SHARE) > 0) {
            return "This order uses more than half of your available "
                    + (side == Side.BUY ? market.quote() : market.base()) + ".";
        }
        return null;
    }

    /** The market's mid price (or the best price on one side), from the live book. */
    private BigDecimal reference(Market market) {
        Book book = model.bookProperty().get();
        if (book == null || !book.market().equals(market.symbol())) {
            return null;
        }
        BigDecimal bid = book.bids().isEmpty() ? null : book.bids().getFirst().price();
        BigDecimal ask = book.asks().isEmpty() ? null : book.asks().getFirst().price();
        if (bid != null && ask != null) {
            return bid.add(ask).divide(BigDecimal.TWO, MathContext.DECIMAL64);
        }
        return bid != null ? bid : ask;
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
