package io.orderbook.application.conditional;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * Tells every server instance which conditional orders changed (created, cancelled, claimed), so that each keeps
 * its trigger index in step with the database. Messages carry ids only; receivers read the rows again.
 */
public interface ConditionalOrderChanges {

    /**
     * Announces changed orders to the other instances; never throws (a lost message is healed by the next reload).
     *
     * @param ids the orders that changed
     */
    void publish(Collection<Long> ids);

    /**
     * Subscribes to other instances' announcements. {@code onResubscribe} runs when the subscription is (re)made,
     * since announcements sent while it was down are lost.
     *
     * @param onChange      receives the ids another instance announced
     * @param onResubscribe runs when the subscription is made again
     */
    void subscribe(Consumer<Collection<Long>> onChange, Runnable onResubscribe);
}
