package io.orderbook.application.apikeys;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The addresses an API key may be used from: IPv4 and IPv6 addresses and CIDR blocks
 * ({@code 203.0.113.7}, {@code 203.0.113.0/24}, {@code 2001:db8::/32}). Empty allows every address.
 *
 * <p>Only literal addresses are accepted, never host names (parsing never touches DNS), and IPv4 only in
 * plain dotted-quad form: {@code 010.0.0.1} or {@code 10.1} mean different things to different tools.
 * A block with host bits set ({@code 10.0.0.5/24}) is refused rather than silently widened.
 */
public final class IpAllowList {

    static final int MAX_ENTRIES = 50;
    /** The longest valid entry: a full IPv6 address with an embedded IPv4 part and a /128. */
    public static final int MAX_ENTRY_LENGTH = 49;
    static final IpAllowList ANY = new IpAllowList(List.of(), List.of());

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final List<String> entries;
    private final List<Block> blocks;

    private IpAllowList(List<String> entries, List<Block> blocks) {
        this.entries = List.copyOf(entries);
        this.blocks = List.copyOf(blocks);
    }

    /** One address block: the network's bytes (4 or 16) and how many leading bits must match. */
    private record Block(byte[] network, int prefixLength) {
        boolean contains(byte[] address) {
            if (address.length != network.length) return false;
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) return false;
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) return true;
            int mask = (0xff << (8 - remainingBits)) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Block b && b.prefixLength == prefixLength && Arrays.equals(b.network, network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefixLength;
        }
    }

    /** The outcome of reading entries: the list, or one message per invalid entry (by index). */
    sealed interface Parsed {
        record Valid(IpAllowList list) implements Parsed {
        }

        record Invalid(List<EntryError> errors) implements Parsed {
        }
    }

    /** Why the entry at {@code index} is not acceptable; {@code index} is -1 for the list as a whole. */
    record EntryError(int index, String message) {
    }

    /**
     * Reads a list as a client sends it. Entries are trimmed; IPv6 is kept in lower case; the same block
     * given twice (in any spelling) is an error, because it is almost always a typo for another one.
     */
    static Parsed parse(List<String> entries) {
        if (entries == null || entries.isEmpty()) return new Parsed.Valid(ANY);
        List<EntryError> errors = new ArrayList<>();
        if (entries.size() > MAX_ENTRIES) {
            return new Parsed.Invalid(List.of(new EntryError(-1, "has at most " + MAX_ENTRIES + " entries")));
        }
        List<String> texts = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Set<Block> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String raw = entries.get(i);
            if (raw == null) {
                errors.add(new EntryError(i, "must not be null"));
                continue;
            }
            String text = raw.strip().toLowerCase(Locale.ROOT);
            Optional<Block> block = text.length() > MAX_ENTRY_LENGTH ? Optional.empty() : parseBlock(text);
            if (block.isEmpty()) {
                errors.add(new EntryError(i, "must be an IPv4 or IPv6 address or CIDR block, e.g. 203.0.113.0/24"));
            } else if (!hostBitsClear(block.get())) {
                errors.add(new EntryError(i, "has bits set after the prefix length; write the network address, e.g. "
                        + networkOf(block.get())));
            } else if (!seen.add(block.get())) {
                errors.add(new EntryError(i, "repeats an earlier entry"));
            } else {
                texts.add(text);
                blocks.add(block.get());
            }
        }
        return errors.isEmpty() ? new Parsed.Valid(new IpAllowList(texts, blocks)) : new Parsed.Invalid(errors);
    }

    /**
     * Reads a list that was stored after the service accepted it.
     *
     * @param entries the stored entries; null or empty for any address
     * @return the list
     * @throws IllegalArgumentException if an entry is not valid, which means the store was changed by other means
     */
    public static IpAllowList ofStored(List<String> entries) {
        return switch (parse(entries)) {
            case Parsed.Valid valid -> valid.list();
            case Parsed.Invalid invalid -> throw new IllegalArgumentException("stored allow-list is invalid: " + invalid.errors());
        };
    }

    /**
     * The entries as given (trimmed), in order.
     *
     * @return an unmodifiable list; empty when every address is allowed
     */
    public List<String> entries() {
        return entries;
    }

    /**
     * Whether a client at {@code clientIp} may use the key: always when the list is empty, otherwise when
     * the address lies in one of the blocks. An IPv4-mapped IPv6 address counts as its IPv4 address.
     * An unreadable address is not allowed.
     *
     * @param clientIp the client's address as text, possibly in brackets or with an IPv6 zone; may be null
     * @return true if the key may be used from there
     */
    public boolean allows(String clientIp) {
        if (blocks.isEmpty()) return true;
        byte[] address = clientAddress(clientIp);
        if (address == null) return false;
        for (Block block : blocks) {
            if (block.contains(address)) return true;
        }
        return false;
    }

    private static Optional<Block> parseBlock(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = literal(addressText);
        if (address == null) return Optional.empty();
        int maxPrefix = address.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            if (prefixText.isEmpty() || prefixText.length() > 3 || !prefixText.chars().allMatch(Character::isDigit)
                    || (prefixText.length() > 1 && prefixText.charAt(0) == '0')) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > maxPrefix) return Optional.empty();
        }
        return Optional.of(new Block(address, prefix));
    }

    /** The address bytes of a strict literal, or null; never resolves a name. */
    private static byte[] literal(String text) {
        try {
            if (DOTTED_QUAD.matcher(text).matches()) {
                for (String part : text.split("\\.")) {
                    if (Integer.parseInt(part) > 255) return null;
                }
                return Inet4Address.ofLiteral(text).getAddress();
            }
            if (text.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(text).matches()) {
                // An IPv4-mapped literal comes back as an Inet4Address, so it matches IPv4 clients.
                return Inet6Address.ofLiteral(text).getAddress();
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static byte[] clientAddress(String clientIp) {
        if (clientIp == null || clientIp.isEmpty() || clientIp.length() > 64) return null;
        String text = clientIp;
        if (text.startsWith("[") && text.endsWith("]")) text = text.substring(1, text.length() - 1);
        int zone = text.indexOf('%');
        if (zone >= 0) text = text.substring(0, zone);
        try {
            return InetAddress.ofLiteral(text).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean hostBitsClear(Block block) {
        return Arrays.equals(block.network(), masked(block));
    }

    private static byte[] masked(Block block) {
        byte[] network = block.network().clone();
        for (int bit = block.prefixLength(); bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return network;
    }

    private static String networkOf(Block block) {
        try {
            return InetAddress.getByAddress(masked(block)).getHostAddress() + "/" + block.prefixLength();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    @Override
    public String toString() {
        return "IpAllowList" + entries;
    }
}
