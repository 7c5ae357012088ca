package io.orderbook.adapters.persistence;

/**
 * An API key together with what authentication needs to know about its owner, read in one query.
 *
 * @param key          the key
 * @param ownerRole    the owner's role; a key never does more than its owner may
 * @param ownerEnabled whether the owner is enabled; a disabled owner's keys stop working
 */
public record ApiKeyWithOwner(ApiKeyRow key, UserRole ownerRole, boolean ownerEnabled) {
}
