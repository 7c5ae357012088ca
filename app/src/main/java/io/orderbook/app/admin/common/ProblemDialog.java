package io.orderbook.app.admin.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** An error dialog with the server's problem: title, detail and the invalid fields. */
public final class ProblemDialog {

    private ProblemDialog() {
    }

    /**
     * Shows the failure and returns at once (the dialog is not modal to the caller's code).
     *
     * @param failure what a server call threw; a {@code ClientException} shows the server's problem, anything
     *                else its message
     */
    public static void show(Throwable failure) {
        create(ProblemText.of(failure)).show();
    }

    static Alert create(ProblemText problem) {
        var alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Request refused");
        alert.setHeaderText(problem.title());
        var content = new VBox(8);
        var detail = new Label(problem.detail());
        detail.setWrapText(true);
        detail.setId("problemDetail");
        content.getChildren().add(detail);
        if (!problem.fieldErrors().isEmpty()) {
            var fields = new ListView<String>();
            fields.setId("problemFields");
            fields.getItems().setAll(problem.fieldErrors());
            fields.setPrefHeight(Math.min(6, problem.fieldErrors().size()) * 26 + 4);
            content.getChildren().add(fields);
        }
        content.setPrefWidth(440);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("problemDialog");
        return alert;
    }
}
