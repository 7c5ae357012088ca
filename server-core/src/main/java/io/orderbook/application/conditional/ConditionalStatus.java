package io.orderbook.application.conditional;

/** Where a conditional order is in its life. */
public enum ConditionalStatus {
    /** Waiting for its trigger. */
    ARMED,
    /** Its trigger was crossed and one server instance claimed it; its order is being placed. */
    TRIGGERED,
    /** Its order was placed ({@code placedOrderId}). */
    FIRED,
    /** It fired but its order could not be sized, funded or placed ({@code reason}). */
    FAILED,
    /** Cancelled by its owner, or because its one-cancels-the-other sibling fired ({@code reason}). */
    CANCELLED
}
