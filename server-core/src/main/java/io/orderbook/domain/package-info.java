/**
 * The trading domain: exact, deterministic order books, matching, balances and fees.
 *
 * <p>Plain Java with no framework imports. Nothing here knows about threads, databases or networks:
 * the {@link io.orderbook.domain.engine.MatchingEngine} consumes commands one at a time and reports every
 * outcome as an {@link io.orderbook.domain.engine.EngineEvent}.
 */
package io.orderbook.domain;
