package io.orderbook.loadtest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One keep-alive HTTP/1.1 connection to the server under load, used by one virtual thread at a time: it writes a
 * request, reads the whole response (status and body) and is ready for the next. Lean on purpose, like
 * {@link HttpLoadGenerator}: on a 2-core machine every cycle the generator spends is taken from the server.
 */
final class HttpConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final HttpLoadGenerator.ResponseReader in;
    private final String hostHeader;

    HttpConnection(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new HttpLoadGenerator.ResponseReader(socket.getInputStream(), true);
        hostHeader = "Host: 127.0.0.1:" + port + "\r\n";
    }

    /**
     * Sends one request and reads its response.
     *
     * @param headers extra header lines, each ending in CRLF (e.g. {@code "X-API-Key: ...\r\n"})
     * @param json    the request body, or null for none
     * @return the response's status; its body is {@link #body()}
     */
    int send(String method, String path, String headers, String json) throws IOException {
        StringBuilder text = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n").append(hostHeader)
                .append("Accept: application/json\r\n").append(headers);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) {
            text.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        byte[] head = text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        // One write, so one segment: with TCP_NODELAY, head and body written apart went out as two, and the server
        // read twice.
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        out.write(request);
        out.flush();
        return in.readResponse();
    }

    /** The last response's body. */
    String body() {
        return in.body();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a load connection that already broke
        }
    }
}
