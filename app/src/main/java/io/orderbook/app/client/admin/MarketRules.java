package io.orderbook.app.client.admin;

/**
 * Market rules as an administrator types them: decimal text in human units, checked exactly by the server.
 * For a new market every field but {@code defaultStp} is required; for a change, null leaves a rule as it is.
 *
 * @param tickSize    the price step, in quote units
 * @param lotSize     the quantity step, in base units
 * @param minNotional the smallest price times quantity an order may have, in quote units
 * @param makerFee    the resting side's fee rate as a fraction ({@code 0.001} is 0.1%)
 * @param takerFee    the arriving side's fee rate as a fraction
 * @param defaultStp a self-trade prevention mode name ({@code NONE}, {@code EXPIRE_TAKER}, ...), or null
 */
public record MarketRules(String tickSize, String lotSize, String minNotional, String makerFee, String takerFee,
                          String defaultStp) {
}
