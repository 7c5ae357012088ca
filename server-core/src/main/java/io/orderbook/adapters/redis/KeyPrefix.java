package io.orderbook.adapters.redis;

import java.util.regex.Pattern;
import org.redisson.config.NameMapper;

/**
 * Puts every Redisson object name under one prefix (e.g. {@code obw:} or {@code test-1a2b:}), so several
 * server clusters or test runs can share a Redis server without seeing each other's keys.
 */
final class KeyPrefix implements NameMapper {

    /** Printable, no spaces or glob characters, so the prefix is also safe in a SCAN pattern. */
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final String prefix;

    KeyPrefix(String prefix) {
        if (!VALID.matcher(prefix).matches()) {
            throw new IllegalArgumentException("key prefix must match " + VALID + ": '" + prefix + "'");
        }
        this.prefix = prefix;
    }

    @Override
    public String map(String name) {
        return prefix + name;
    }

    @Override
    public String unmap(String name) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    @Override
    public String toString() {
        return prefix;
    }
}
