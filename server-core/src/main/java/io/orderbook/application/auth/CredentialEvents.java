package io.orderbook.application.auth;

/**
 * Tells every server node that credentials changed, so caches of who may call stop serving the old
 * state at once. Services call it after their change is committed.
 */
public interface CredentialEvents {

    /** Does nothing: for tests and tools that run without authentication caches. */
    CredentialEvents NONE = new CredentialEvents() {
        @Override
        public void userChanged(long userId) {
        }

        @Override
        public void apiKeyChanged(String prefix) {
        }
    };

    /**
     * The user was disabled, enabled, deleted, changed role or password, or ended all sessions.
     *
     * @param userId the user who changed
     */
    void userChanged(long userId);

    /**
     * The key with this prefix was revoked, regenerated, changed or deleted.
     *
     * @param prefix the key's public prefix, which identifies it without its secret
     */
    void apiKeyChanged(String prefix);
}
