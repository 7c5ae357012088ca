package io.orderbook.app.admin.apikeys;

import io.orderbook.app.client.admin.IssuedApiKey;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Shows a new key's full text the one time the server returns it, with a copy button. Nothing keeps the
 * text afterwards: the dialog is built per key and dropped when closed.
 */
final class SecretDialog {

    private SecretDialog() {
    }

    static Alert create(IssuedApiKey issued, String action) {
        var secret = new TextField(issued.secret());
        secret.setId("apiKeySecret");
        secret.setEditable(false);
        secret.getStyleClass().add("monospace");
        secret.setPrefColumnCount(46);
        HBox.setHgrow(secret, Priority.ALWAYS);

        var copy = new Button("Copy");
        copy.setId("copyApiKeySecret");
        copy.setOnAction(_ -> {
            var content = new ClipboardContent();
            content.putString(secret.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });

        var warning = new Label("This is the only time the key is shown: the server keeps only its hash. "
                + "Copy it now and store it safely.");
        warning.setWrapText(true);
        var content = new VBox(10, warning, new HBox(6, secret, copy));
        content.setPrefWidth(560);

        var alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.setTitle("API key " + action);
        alert.setHeaderText("Key “" + issued.key().name() + "” (" + issued.key().displayPrefix() + ") " + action);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("apiKeySecretDialog");
        return alert;
    }
}
