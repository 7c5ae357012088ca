package io.orderbook.domain.engine;

import org.junit.jupiter.api.AfterEach;

/** Base of the engine's specification tests: a fresh {@link TestExchange} per test, replayed after it. */
abstract class EngineTest {
    protected TestExchange x = TestExchange.create();

    @AfterEach
    void replayAndSnapshotReproduceTheState() {
        x.verifyDeterminism();
    }
}
