package io.orderbook.app.common;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Builds tables with the workstation's conventions: fitted columns, numbers aligned right. */
public final class Tables {

    private static final String NUMERIC = "numeric";

    private Tables() {
    }

    /**
     * Creates a table whose columns share its width, the last one taking what is left.
     *
     * @param <S>       the row type
     * @param emptyText what the table shows while it has no rows
     * @param columns   the columns, left to right
     * @return the table
     */
    @SafeVarargs
    public static <S> TableView<S> create(String emptyText, TableColumn<S, ?>... columns) {
        var table = new TableView<S>();
        // Adding one by one keeps the varargs array from escaping, which is what makes @SafeVarargs true.
        for (TableColumn<S, ?> column : columns) {
            table.getColumns().add(column);
        }
        table.setPlaceholder(new Label(emptyText));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /**
     * Creates a column of text, such as a market or a status.
     *
     * @param <S>    the row type
     * @param <T>    the cell value type
     * @param header the column's heading
     * @return a column without a cell value factory
     */
    public static <S, T> TableColumn<S, T> textColumn(String header) {
        return new TableColumn<>(header);
    }

    /**
     * Creates a column of numbers (prices, quantities, amounts), aligned right so digits line up.
     *
     * @param <S>    the row type
     * @param <T>    the cell value type
     * @param header the column's heading
     * @return a column with the {@code numeric} style class and without a cell value factory
     */
    public static <S, T> TableColumn<S, T> numericColumn(String header) {
        TableColumn<S, T> column = new TableColumn<>(header);
        column.getStyleClass().add(NUMERIC);
        return column;
    }
}
