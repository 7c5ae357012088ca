package io.orderbook.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Secrets the server makes itself when they are not configured, kept in {@code DATA_DIR/secrets} so they
 * survive restarts (tokens stay valid, encrypted values stay readable). Files are readable by the owner only.
 */
public final class GeneratedSecrets {

    static final String MASTER_KEY_FILE = "master.key";
    static final String JWT_SECRET_FILE = "jwt.secret";
    static final String DEMO_TRADER_PASSWORD_FILE = "demo-trader.password";
    /** 18 random bytes: a 24-character base64 password. */
    private static final int DEMO_TRADER_PASSWORD_BYTES = 18;
    private static final int JWT_SECRET_BYTES = 64;

    private final Path directory;
    private final SecureRandom random = new SecureRandom();

    /**
     * Secrets kept under {@code dataDir/secrets}; nothing is read or written before a secret is asked for.
     *
     * @param dataDir the server's data directory
     */
    public GeneratedSecrets(Path dataDir) {
        this.directory = Objects.requireNonNull(dataDir, "dataDir").resolve("secrets");
    }

    /**
     * The configured master key, or else the one generated on first use.
     *
     * @param config the server configuration
     * @return the 32-byte master key
     * @throws java.io.UncheckedIOException if the generated key cannot be read or written
     */
    public Secret masterKey(ServerConfig config) {
        return config.masterKey().orElseGet(() -> loadOrCreate(MASTER_KEY_FILE, ServerConfig.MASTER_KEY_BYTES));
    }

    /**
     * The configured JWT secret, or else the one generated on first use.
     *
     * @param config the server configuration
     * @return the HMAC key for access tokens
     * @throws java.io.UncheckedIOException if the generated secret cannot be read or written
     */
    public Secret jwtSecret(ServerConfig config) {
        return config.jwtSecret().orElseGet(() -> loadOrCreate(JWT_SECRET_FILE, JWT_SECRET_BYTES));
    }

    /**
     * The configured demo trader's password, or else one generated on first use; the password is the text of
     * {@code DATA_DIR/secrets/demo-trader.password}, where the user reads it.
     *
     * @param config the server configuration
     * @return the demo trader's password
     * @throws java.io.UncheckedIOException if the generated password cannot be read or written
     */
    public Secret demoTraderPassword(ServerConfig config) {
        return config.demo().traderPassword().orElseGet(() -> Secret.ofText(Base64.getEncoder().encodeToString(
                loadOrCreate(DEMO_TRADER_PASSWORD_FILE, DEMO_TRADER_PASSWORD_BYTES).bytes())));
    }

    /**
     * The file a generated demo trader password is kept in.
     *
     * @return the path, whether or not the file exists yet
     */
    public Path demoTraderPasswordFile() {
        return directory.resolve(DEMO_TRADER_PASSWORD_FILE);
    }

    /** Reads the named secret, creating it with {@code length} random bytes first if it does not exist. */
    Secret loadOrCreate(String name, int length) {
        Path file = directory.resolve(name);
        try {
            if (Files.exists(file)) {
                return read(file, length);
            }
            Files.createDirectories(directory);
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            try {
                write(file, Base64.getEncoder().encode(bytes));
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first; use theirs so both agree.
                return read(file, length);
            }
            return Secret.ofBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret " + file, e);
        }
    }

    private static Secret read(Path file, int length) throws IOException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("not base64; delete the file to generate a new secret", e);
        }
        if (bytes.length != length) {
            throw new IOException("holds " + bytes.length + " bytes instead of " + length);
        }
        return Secret.ofBytes(bytes);
    }

    /** Writes to a private temporary file first, so no reader ever sees a half-written secret. */
    private static void write(Path file, byte[] content) throws IOException {
        Path temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, content, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
