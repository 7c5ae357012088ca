package io.orderbook.app.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The embedded server's first administrator's password: generated at random on the first start and kept in a
 * file only the user can read ({@code <data dir>/secrets/initial-admin-password}), like other products' initial
 * admin passwords. It is only the initial password: changing it on the server leaves the file stale.
 */
public final class InitialAdminPassword {

    /** The first administrator's username in embedded mode. */
    public static final String USERNAME = "admin";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 16;

    private InitialAdminPassword() {
    }

    /**
     * Where the password is kept.
     *
     * @param dataDir the embedded server's data directory
     * @return the password file (it may not exist yet)
     */
    public static Path file(Path dataDir) {
        return dataDir.resolve("secrets").resolve("initial-admin-password");
    }

    /**
     * Reads the stored password, generating and storing one first when there is none.
     *
     * @param dataDir the embedded server's data directory
     * @return the password
     * @throws java.io.UncheckedIOException when the file cannot be read or written
     */
    public static String loadOrCreate(Path dataDir) {
        Path file = file(dataDir);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, password);
            return password.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
