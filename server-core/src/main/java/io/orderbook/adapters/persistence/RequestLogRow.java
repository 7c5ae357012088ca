package io.orderbook.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The mapping of {@code request_log}, so Hibernate validates that table with the others. Reads and writes
 * go through {@link RequestLogRepository} with plain JDBC (batched inserts, aggregate queries) and use
 * {@link RequestLogEntry}; this class is not meant to be loaded or changed.
 */
@Entity
@Table(name = "request_log")
public class RequestLogRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "method", nullable = false)
    private String method;

    @Column(name = "path", nullable = false)
    private String path;

    @Column(name = "status", nullable = false)
    private int status;

    @Column(name = "latency_micros", nullable = false)
    private long latencyMicros;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "api_key_id")
    private Long apiKeyId;

    @Column(name = "client_ip")
    private String clientIp;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "error_code")
    private String errorCode;

    /** For Hibernate, which requires a no-argument constructor on every entity. */
    protected RequestLogRow() {
        // for Hibernate
    }
}
