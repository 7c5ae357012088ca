package io.orderbook.app.client.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A listed market with its rules, in human units (exact decimals, as the API gives them).
 *
 * @param symbol     e.g. {@code BTC-USDT}
 * @param base       the asset traded
 * @param quote      the asset prices are in
 * @param tickSize   price step, in quote units per whole base unit
 * @param lotSize    quantity step, in base units
 * @param minNotional the smallest price times quantity an order may have, in quote units
 * @param makerFee   fee rate of the resting side as a fraction ({@code 0.001} is 0.1%)
 * @param takerFee   fee rate of the arriving side as a fraction
 * @param defaultStp self-trade prevention for orders that choose none
 * @param halted     whether trading is stopped
 * @param publicKey  Base64 of the Ed25519 public key (X.509) that verifies the market's trade signatures
 * @param updatedAt  when the market's rules or state last changed
 */
public record AdminMarket(String symbol, String base, String quote, BigDecimal tickSize, BigDecimal lotSize,
                          BigDecimal minNotional, BigDecimal makerFee, BigDecimal takerFee, String defaultStp,
                          boolean halted, String publicKey, Instant updatedAt) {

    /**
     * Checks the required parts.
     *
     * @throws NullPointerException if symbol or publicKey is null
     */
    public AdminMarket {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
