package io.orderbook.adapters.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id; hashes are PHC strings that carry their own salt and cost.
 *
 * <p>Format: {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>} (unpadded standard
 * Base64), the same as the reference implementation, so hashes stay verifiable when the cost changes.
 */
public final class PasswordHasher {

    /** OWASP's first Argon2id choice: 19 MiB, 2 passes, 1 lane; about 30 ms on one core of a small server. */
    public static final Cost DEFAULT_COST = new Cost(19_456, 2, 1);

    /** Longer inputs are refused so a request cannot make hashing arbitrarily expensive. */
    public static final int MAX_PASSWORD_CHARS = 1_024;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    // Upper bounds for costs read back from stored hashes: a corrupted row must not allocate gigabytes.
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 32;
    private static final int MAX_LANES = 16;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random;
    // Each hash holds cost.memoryKib of memory: bounding concurrent hashes bounds memory and keeps
    // a burst of logins from starving the matching threads of CPU.
    private final Semaphore concurrentHashes;
    private final String dummyHash;

    /**
     * Argon2id parameters.
     *
     * @param memoryKib  memory per hash in KiB, at least 8 per lane and at most 1 GiB
     * @param iterations passes over the memory, 1 to 32
     * @param lanes      parallelism, 1 to 16
     */
    public record Cost(int memoryKib, int iterations, int lanes) {
        /**
         * Checks the bounds, which also keep a corrupted stored hash from allocating gigabytes.
         *
         * @throws IllegalArgumentException if a parameter is out of its range
         */
        public Cost {
            if (lanes < 1 || lanes > MAX_LANES) throw new IllegalArgumentException("lanes must be 1.." + MAX_LANES);
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS);
            }
            if (memoryKib < 8 * lanes || memoryKib > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("memoryKib must be 8*lanes.." + MAX_MEMORY_KIB);
            }
        }
    }

    /** A hasher with {@link #DEFAULT_COST} and at most one hash per available processor at a time. */
    public PasswordHasher() {
        this(DEFAULT_COST, Runtime.getRuntime().availableProcessors(), new SecureRandom());
    }

    /**
     * A hasher with the given cost.
     *
     * @param cost                the cost of new hashes; stored hashes are verified with their own cost
     * @param maxConcurrentHashes how many hashes may run at once, each holding {@code cost.memoryKib()} of memory; at least 1
     * @param random              the source of salts
     */
    public PasswordHasher(Cost cost, int maxConcurrentHashes, SecureRandom random) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.random = Objects.requireNonNull(random, "random");
        if (maxConcurrentHashes < 1) throw new IllegalArgumentException("maxConcurrentHashes must be >= 1");
        this.concurrentHashes = new Semaphore(maxConcurrentHashes, true);
        this.dummyHash = hash("dummy password for timing equalisation");
    }

    /**
     * Hashes a password with a fresh random salt and the configured cost.
     *
     * @param password the password, at most {@value #MAX_PASSWORD_CHARS} characters
     * @return the PHC string to store
     * @throws IllegalArgumentException if the password is too long
     */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKib + ",t=" + cost.iterations + ",p=" + cost.lanes
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * True when the password matches the stored PHC string; false for a wrong password and for a stored
     * value that is not a well-formed Argon2id hash. The comparison takes constant time.
     *
     * @param password   the password presented at login
     * @param storedHash the stored PHC string, or {@code null}
     * @return whether the password matches
     * @throws IllegalArgumentException if the password is longer than {@value #MAX_PASSWORD_CHARS} characters
     */
    public boolean verify(String password, String storedHash) {
        if (storedHash == null) return false;
        Matcher m = PHC.matcher(storedHash);
        if (!m.matches()) return false;
        Cost stored;
        byte[] salt;
        byte[] expected;
        try {
            stored = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            salt = B64_DECODER.decode(m.group(4));
            expected = B64_DECODER.decode(m.group(5));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        byte[] actual = derive(password, salt, stored, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /**
     * Spends the time of one {@link #verify} and returns false. Call it when the user does not exist so
     * that response times do not tell which usernames are registered.
     *
     * @param password the password presented at login
     * @return always {@code false}
     */
    public boolean verifyAgainstNothing(String password) {
        verify(password, dummyHash);
        return false;
    }

    private byte[] derive(String password, byte[] salt, Cost c, int length) {
        Objects.requireNonNull(password, "password");
        if (password.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_CHARS + " characters");
        }
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(c.memoryKib)
                .withIterations(c.iterations)
                .withParallelism(c.lanes)
                .withSalt(salt)
                .build();
        byte[] passwordBytes = utf8(password);
        concurrentHashes.acquireUninterruptibly();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] out = new byte[length];
            generator.generateBytes(passwordBytes, out);
            return out;
        } finally {
            concurrentHashes.release();
            Arrays.fill(passwordBytes, (byte) 0);
            parameters.clear();
        }
    }

    private static byte[] utf8(String password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
