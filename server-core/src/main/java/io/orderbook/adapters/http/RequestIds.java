package io.orderbook.adapters.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids for {@code X-Request-Id}: a client's own id is kept when it is short and plain, so it can
 * correlate its logs with ours; anything else is replaced by a fresh random id.
 */
final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    /** The incoming id when it is 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}; otherwise a new one. */
    public static String acceptOrGenerate(String incoming) {
        return isAcceptable(incoming) ? incoming : generate();
    }

    static boolean isAcceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) return false;
        }
        return true;
    }

    /** 128 random bits as 32 hex digits. Not a secret, so the fast per-thread generator is enough. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex16(random.nextLong()) + hex16(random.nextLong());
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
