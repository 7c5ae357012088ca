package io.orderbook.app.common;

import io.orderbook.app.client.ClientException;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** The workstation's standard dialogs: a server error explained, a confirmation before a risky action. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * Shows what the server refused and why (never a stack trace); returns without waiting for the user.
     *
     * @param e the refusal or failure to explain
     */
    public static void error(ClientException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Orderbook Workstation");
        alert.setHeaderText(e.title());
        alert.setContentText(e.userMessage() + (e.code().isEmpty() ? "" : "\n\nCode: " + e.code()));
        alert.show();
    }

    /**
     * Asks before an action and waits for the answer.
     *
     * @param header the question, e.g. "Cancel all orders?"
     * @param text   what the action will do
     * @return true when the user confirms, false when they cancel or close the dialog
     */
    public static boolean confirm(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle("Please confirm");
        alert.setHeaderText(header);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }
}
