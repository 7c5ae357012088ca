package io.orderbook.adapters.persistence.trading;

import io.orderbook.application.trading.CommandContext;
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
            assertThat(read).isEqualTo(withoutMarketKeys(result));
            seen.add(result.command().getClass());
            result.events().forEach(event -> seen.add(event.getClass()));
        }
        // The stream exercised every kind, so each one's JSON form was checked.
        assertThat(seen).contains(Command.class.getPermittedSubclasses());
        assertThat(seen).contains(EngineEvent.class.getPermittedSubclasses());
    }

    @Test
    void aListingsKeysAreNeverStored() {
        CommandContext.MarketKeys keys = new CommandContext.MarketKeys(new byte[] {1, 2, 3}, new byte[] {42, 43, 44});
        CommandResult listing = new CommandResult(4, new Command.AddMarket(5, TradingStreams.markets(1).getFirst()),
                CommandContext.NONE.withMarketKeys(keys), java.util.List.of(), CommandResult.Status.APPLIED);

        String json = CommandResultJson.write(listing);

        assertThat(json).doesNotContain("marketKeys").doesNotContain("KissLA").doesNotContain("AQID");
        assertThat(CommandResultJson.read(json).context().marketKeys()).isNull();
    }

    /** The stored form leaves a listing's key pair out: an answer to a retry needs no keys. */
    private static CommandResult withoutMarketKeys(CommandResult result) {
        CommandContext c = result.context();
        return new CommandResult(result.sequence(), result.command(),
                new CommandContext(c.clientOrderId(), c.idempotency(), c.reason(), c.actorUserId()), result.events(),
                result.status());
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
