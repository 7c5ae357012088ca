package io.orderbook.application.users;

import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.adapters.security.PasswordHasher;
import java.util.regex.Pattern;

/** What a username and a password must look like. */
public final class CredentialRules {

    /** What a new username must look like. */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    /**
     * What any stored username looks like, including a first administrator from configuration, which may be
     * shorter. A login name outside it cannot exist and is not looked up.
     */
    public static final Pattern ANY_USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** The longest username, in characters. */
    public static final int MAX_USERNAME_LENGTH = 64;
    /** The shortest new password, in characters. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** The hasher refuses longer input, so that a request cannot make hashing arbitrarily expensive. */
    public static final int MAX_PASSWORD_LENGTH = PasswordHasher.MAX_PASSWORD_CHARS;

    private CredentialRules() {
    }

    /**
     * Records a violation unless the username is 3 to 64 letters, digits, '.', '_' or '-'.
     *
     * @param violations where to record it
     * @param field      the request field the username came in, for the message
     * @param username   the username, or null when missing
     */
    public static void checkUsername(Violations violations, String field, String username) {
        if (username == null) {
            violations.add(field, "is required");
        } else if (!USERNAME.matcher(username).matches()) {
            violations.add(field, "must be 3 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    /**
     * Records a violation unless the password has 12 to 1024 characters and is not just spaces. Length is
     * what makes a password strong; composition rules only make people write them down.
     *
     * @param violations where to record it
     * @param field      the request field the password came in, for the message
     * @param password   the password in clear text, or null when missing
     */
    public static void checkPassword(Violations violations, String field, String password) {
        if (password == null) {
            violations.add(field, "is required");
        } else if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            violations.add(field, "must have " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        } else if (password.isBlank()) {
            violations.add(field, "must not be only whitespace");
        }
    }
}
