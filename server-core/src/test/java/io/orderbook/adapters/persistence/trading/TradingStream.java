package io.orderbook.adapters.persistence.trading;

import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.model.Market;

import java.util.List;

/**
 * A generated scenario: the markets, the requests in order, and what the {@link ReferenceRun} answered to each.
 *
 * @param finalHash the reference engine's state hash after the last request
 */
record TradingStream(List<Market> markets, List<Step> steps, List<CommandResult> expected, long finalHash) {

    /** One request: a command with the context it was sent with. */
    record Step(Command command, CommandContext context) {
    }

    int size() {
        return steps.size();
    }
}
