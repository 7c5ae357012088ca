package io.orderbook.app.shell;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** State of the main window that is not tied to one screen area. */
public final class ShellModel {

    /** Creates the state with the dark theme. */
    public ShellModel() {
    }

    private final ObjectProperty<WorkstationTheme> theme = new SimpleObjectProperty<>(this, "theme", WorkstationTheme.DARK);

    /**
     * The active colour theme; dark unless the user switched.
     *
     * @return the property; its value is never null
     */
    public ObjectProperty<WorkstationTheme> themeProperty() {
        return theme;
    }

    public WorkstationTheme getTheme() {
        return theme.get();
    }

    public void setTheme(WorkstationTheme value) {
        theme.set(Objects.requireNonNull(value, "theme"));
    }
}
