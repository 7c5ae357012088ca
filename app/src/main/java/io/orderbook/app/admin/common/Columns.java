package io.orderbook.app.admin.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Table columns that show a value computed from the row, for tables of immutable records. */
public final class Columns {

    private Columns() {
    }

    /** A text column showing {@code value} of each row. */
    public static <S> TableColumn<S, String> text(String header, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** A right-aligned column for numbers, so digits line up. */
    public static <S> TableColumn<S, String> number(String header, Function<S, String> value) {
        TableColumn<S, String> column = text(header, value);
        column.getStyleClass().add("numeric");
        return column;
    }
}
