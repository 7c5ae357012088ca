package io.orderbook.app.client.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A listed market with its rules, in human units (exact decimals, as the API gives them).
 *
 * @param tickSize   price step, in quote units per whole base unit
 * @param lotSize    quantity step, in base units
 * @param makerFee   fee rate of the resting side as a fraction ({@code 0.001} is 0.1%)
 * @param defaultStp self-trade prevention for orders that choose none
 * @param publicKey  Base64 of the Ed25519 public key (X.509) that verifies the market's trade signatures
 */
public record AdminMarket(String symbol, String base, String quote, BigDecimal tickSize, BigDecimal lotSize,
                          BigDecimal minNotional, BigDecimal makerFee, BigDecimal takerFee, String defaultStp,
                          boolean halted, String publicKey, Instant updatedAt) {

    public AdminMarket {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
