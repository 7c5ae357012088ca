package io.orderbook.app.client.admin;

/**
 * Market rules as an administrator types them: decimal text in human units, checked exactly by the server.
 * For a new market every field but {@code defaultStp} is required; for a change, null leaves a rule as it is.
 *
 * @param defaultStp a self-trade prevention mode name ({@code NONE}, {@code EXPIRE_TAKER}, ...), or null
 */
public record MarketRules(String tickSize, String lotSize, String minNotional, String makerFee, String takerFee,
                          String defaultStp) {
}
