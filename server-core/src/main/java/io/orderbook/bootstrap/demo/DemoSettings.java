package io.orderbook.bootstrap.demo;

import io.orderbook.bootstrap.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the server fills an empty installation with demo markets, users and a market maker, and how.
 *
 * @param enabled        {@code DEMO_DATA}: seed the demo data on start and run the demo market maker
 * @param traderUsername {@code DEMO_TRADER_USERNAME}: the demo trader who logs in to try the workstation
 * @param traderPassword {@code DEMO_TRADER_PASSWORD}: their password; empty to generate one into
 *                       {@code DATA_DIR/secrets/demo-trader.password}
 * @param makerRefresh   {@code DEMO_MAKER_REFRESH_MILLIS}: how often the market maker re-quotes each market
 */
public record DemoSettings(boolean enabled, String traderUsername, Optional<Secret> traderPassword,
                           Duration makerRefresh) {

    /** The demo trader's name unless configured. */
    public static final String DEFAULT_TRADER_USERNAME = "demo";
    /** One re-quote a second: the book moves visibly without flooding the sequencer. */
    public static final Duration DEFAULT_MAKER_REFRESH = Duration.ofSeconds(1);

    /**
     * Checks that every component is present and the refresh is positive.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code makerRefresh} is not positive
     */
    public DemoSettings {
        Objects.requireNonNull(traderUsername, "traderUsername");
        Objects.requireNonNull(traderPassword, "traderPassword");
        Objects.requireNonNull(makerRefresh, "makerRefresh");
        if (makerRefresh.isNegative() || makerRefresh.isZero()) {
            throw new IllegalArgumentException("makerRefresh must be positive");
        }
    }

    @Override
    public String toString() {
        return "DemoSettings[enabled=" + enabled + ", traderUsername=" + traderUsername + ", traderPassword="
                + (traderPassword.isPresent() ? "<redacted>" : "<generated>") + ", makerRefresh=" + makerRefresh + "]";
    }
}
