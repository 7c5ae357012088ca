package io.orderbook.adapters.http.system;

import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.pipeline.Access;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 document kept in the repository at
 * {@code server-core/src/main/resources/openapi/openapi.json}, served as it is.
 */
public final class OpenApiRoutes implements HttpRoutes {

    /** Where the document lies on the class path. */
    public static final String RESOURCE = "/openapi/openapi.json";

    private final byte[] document;

    /**
     * Reads the document once.
     *
     * @throws IllegalStateException if the resource is missing or unreadable
     */
    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + RESOURCE);
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(ApiPaths.V1 + "/openapi.json", Access.PUBLIC,
                ctx -> ctx.contentType("application/json").header("Cache-Control", "no-cache").result(document));
    }
}
