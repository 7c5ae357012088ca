package io.orderbook.adapters.security;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Fixed-width Base62 ({@code 0-9A-Za-z}) text for random bytes: no separators, so a double click selects the whole token. */
final class Base62 {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private Base62() {
    }

    /** Encodes the bytes as an unsigned number, left-padded with '0' to the width that any value of that length needs. */
    static String encode(byte[] bytes) {
        int width = widthFor(bytes.length);
        char[] out = new char[width];
        BigInteger value = new BigInteger(1, bytes);
        for (int i = width - 1; i >= 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out[i] = ALPHABET[qr[1].intValue()];
            value = qr[0];
        }
        return new String(out);
    }

    /** A string of {@code length} characters drawn uniformly from the alphabet. */
    static String random(SecureRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        return new String(out);
    }

    /** The number of Base62 digits that any {@code byteCount}-byte value needs (43 for 32 bytes). */
    static int widthFor(int byteCount) {
        BigInteger max = BigInteger.ONE.shiftLeft(8 * byteCount);
        int width = 0;
        for (BigInteger capacity = BigInteger.ONE; capacity.compareTo(max) < 0; capacity = capacity.multiply(BASE)) width++;
        return width;
    }

    /** True when every character is in the Base62 alphabet. */
    static boolean isBase62(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!ok) return false;
        }
        return true;
    }
}
