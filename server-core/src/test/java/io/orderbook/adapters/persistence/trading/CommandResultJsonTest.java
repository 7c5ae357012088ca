package io.orderbook.adapters.persistence.trading;

import io.orderbook.application.trading.CommandResult;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CommandResultJsonTest {

    @Test
    void everyCommandAndEventReadsBackEqual() {
        TradingStream stream = TradingStreams.generate(11, 3_000);
        Set<Class<?>> seen = new HashSet<>();
        for (CommandResult result : stream.expected()) {
            if (!result.applied()) {
                continue;
            }
            CommandResult read = CommandResultJson.read(CommandResultJson.write(result));
            assertThat(read).isEqualTo(result);
            seen.add(result.command().getClass());
            result.events().forEach(event -> seen.add(event.getClass()));
        }
        // The stream exercised every kind, so each one's JSON form was checked.
        assertThat(seen).contains(Command.class.getPermittedSubclasses());
        assertThat(seen).contains(EngineEvent.class.getPermittedSubclasses());
    }

    @Test
    void typesAreTaggedByTheirSimpleNames() {
        CommandResult deposit = new CommandResult(3, new Command.AdjustBalance(5, 7, 2, 100),
                java.util.List.of(new EngineEvent.BalanceAdjusted(5, 7, 2, 100, 100)));
        String json = CommandResultJson.write(deposit);
        assertThat(json).contains("\"@type\":\"AdjustBalance\"").contains("\"@type\":\"BalanceAdjusted\"")
                .doesNotContain("null");
    }
}
