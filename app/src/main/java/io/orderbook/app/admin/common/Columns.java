package io.orderbook.app.admin.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Table columns that show a value computed from the row, for tables of immutable records. */
public final class Columns {

    private Columns() {
    }

    /**
     * Creates a text column.
     *
     * @param <S>    the table's row type
     * @param header the column's heading
     * @param value  computes the cell text from a row
     * @return a column showing {@code value} of each row
     */
    public static <S> TableColumn<S, String> text(String header, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /**
     * Creates a right-aligned column for numbers, so digits line up.
     *
     * @param <S>    the table's row type
     * @param header the column's heading
     * @param value  computes the cell text (a formatted number) from a row
     * @return a text column with the {@code numeric} style class
     */
    public static <S> TableColumn<S, String> number(String header, Function<S, String> value) {
        TableColumn<S, String> column = text(header, value);
        column.getStyleClass().add("numeric");
        return column;
    }
}
