package io.orderbook.application.markets;

import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.SelfTradePrevention;

import java.time.Instant;
import java.util.Objects;

/**
 * A listed market as clients see it (and as the market cache holds it). Amounts are in minor units as in
 * {@link Market}: tick size and minimum notional in quote minor units, lot size in base minor units; fee rates in
 * parts per million.
 *
 * @param id          the engine's id of the market
 * @param symbol      e.g. {@code BTC-USDT}
 * @param base        the asset that is bought and sold
 * @param quote       the asset prices are quoted in
 * @param tickSize    price step, in quote minor units per whole base unit
 * @param lotSize     quantity step, in base minor units
 * @param minNotional smallest order value, in quote minor units
 * @param makerFeePpm fee of the resting side, parts per million of the trade's quote value
 * @param takerFeePpm fee of the taking side, parts per million of the trade's quote value
 * @param defaultStp  self-trade prevention for orders that choose none
 * @param halted      whether trading is halted (cancels still work)
 * @param publicKey   the Ed25519 public key that verifies the market's trade signatures, X.509 encoded
 * @param createdAt   when the market was listed
 * @param updatedAt   when its rules or halt state last changed
 * @param version     incremented by every change (rules, halt)
 */
public record MarketView(int id, String symbol, AssetView base, AssetView quote, long tickSize, long lotSize,
                         long minNotional, int makerFeePpm, int takerFeePpm, SelfTradePrevention defaultStp,
                         boolean halted, byte[] publicKey, Instant createdAt, Instant updatedAt, long version) {

    /** Checks that the required parts are given and copies the key, so the view cannot change afterwards. */
    public MarketView {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(defaultStp, "defaultStp");
        publicKey = publicKey.clone();
    }

    /** {@return a copy of the Ed25519 public key, X.509 encoded} */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** {@return the market's rules as the engine holds them} */
    public Market market() {
        return new Market(id, symbol, base.id(), quote.id(), base.scale(), tickSize, lotSize, minNotional, makerFeePpm,
                takerFeePpm, defaultStp);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MarketView that && id == that.id && version == that.version && halted == that.halted
                && symbol.equals(that.symbol) && market().equals(that.market())
                && java.util.Arrays.equals(publicKey, that.publicKey) && base.equals(that.base)
                && quote.equals(that.quote) && Objects.equals(createdAt, that.createdAt)
                && Objects.equals(updatedAt, that.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, symbol, version);
    }
}
