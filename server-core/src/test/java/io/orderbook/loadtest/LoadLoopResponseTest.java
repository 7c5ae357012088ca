package io.orderbook.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The load generator's response parser: answers arrive in pieces, and a connection carries one after another. */
class LoadLoopResponseTest {

    private final LoadLoop.Response response = new LoadLoop.Response();

    @Test
    void aContentLengthBodyIsWholeOnlyWithItsLastByte() throws IOException {
        String answer = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"id\":42,\"x\"}";
        response.add(bytes(answer.substring(0, answer.length() - 1)));
        assertThat(response.parse()).isEqualTo(-1);

        response.add(bytes("}"));
        assertThat(response.parse()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"id\":42,\"x\"}");
    }

    @Test
    void aChunkedBodyIsJoinedFromItsChunks() throws IOException {
        response.add(bytes("HTTP/1.1 409 Conflict\r\ntransfer-encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n"));
        assertThat(response.parse()).isEqualTo(-1);
        response.add(bytes("3;ext=1\r\n1}x\r\n0\r\n"));
        assertThat(response.parse()).isEqualTo(-1);

        response.add(bytes("\r\n"));
        assertThat(response.parse()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"a\":1}x");
    }

    @Test
    void bytesAfterAnAnswerStayForTheNext() throws IOException {
        response.add(bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));

        assertThat(response.parse()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(response.parse()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
        assertThat(response.parse()).isEqualTo(-1);
    }

    @Test
    void anAnswerLargerThanTheBufferIsRead() throws IOException {
        String body = "x".repeat(40_000);
        response.add(bytes("HTTP/1.1 200 OK\r\nContent-Length: 40000\r\n\r\n" + body));

        assertThat(response.parse()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void anAnswerWithoutALengthCannotBeFollowed() {
        response.add(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{}"));

        assertThatThrownBy(response::parse).isInstanceOf(IOException.class).hasMessageContaining("keep-alive");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
