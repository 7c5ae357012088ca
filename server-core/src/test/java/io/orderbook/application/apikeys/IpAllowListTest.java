package io.orderbook.application.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAllowListTest {

    private static IpAllowList valid(String... entries) {
        IpAllowList.Parsed parsed = IpAllowList.parse(Arrays.asList(entries));
        assertThat(parsed).isInstanceOf(IpAllowList.Parsed.Valid.class);
        return ((IpAllowList.Parsed.Valid) parsed).list();
    }

    private static List<IpAllowList.EntryError> invalid(String... entries) {
        IpAllowList.Parsed parsed = IpAllowList.parse(Arrays.asList(entries));
        assertThat(parsed).as(String.join(",", entries)).isInstanceOf(IpAllowList.Parsed.Invalid.class);
        return ((IpAllowList.Parsed.Invalid) parsed).errors();
    }

    @Test
    void an_empty_or_missing_list_allows_every_address() {
        assertThat(valid().allows("198.51.100.1")).isTrue();
        assertThat(((IpAllowList.Parsed.Valid) IpAllowList.parse(null)).list().allows("::1")).isTrue();
    }

    @Test
    void single_addresses_and_blocks_match_exactly_their_range() {
        IpAllowList list = valid("203.0.113.7", "198.51.100.0/24", "10.0.0.0/8", "2001:db8::/32", "::1");

        assertThat(list.allows("203.0.113.7")).isTrue();
        assertThat(list.allows("203.0.113.8")).isFalse();
        assertThat(list.allows("198.51.100.255")).isTrue();
        assertThat(list.allows("198.51.101.0")).isFalse();
        assertThat(list.allows("10.255.0.1")).isTrue();
        assertThat(list.allows("11.0.0.1")).isFalse();
        assertThat(list.allows("2001:db8:ffff::1")).isTrue();
        assertThat(list.allows("2001:db9::1")).isFalse();
        assertThat(list.allows("[::1]")).isTrue();
        assertThat(list.allows("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void prefixes_that_are_not_a_multiple_of_eight_are_matched_bit_by_bit() {
        IpAllowList list = valid("192.168.0.0/23");
        assertThat(list.allows("192.168.1.200")).isTrue();
        assertThat(list.allows("192.168.2.0")).isFalse();
    }

    @Test
    void an_ipv4_mapped_ipv6_client_matches_its_ipv4_entry_and_families_never_mix() {
        assertThat(valid("203.0.113.0/24").allows("::ffff:203.0.113.9")).isTrue();
        assertThat(valid("0.0.0.0/0").allows("2001:db8::1")).isFalse();
        assertThat(valid("::/0").allows("203.0.113.9")).isFalse();
    }

    @Test
    void unreadable_client_addresses_are_not_allowed() {
        IpAllowList list = valid("0.0.0.0/0");
        assertThat(list.allows(null)).isFalse();
        assertThat(list.allows("")).isFalse();
        assertThat(list.allows("not-an-address")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "10.1", "10.0.0", "010.0.0.1", "256.0.0.1", "1.2.3.4.5",
            "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/-1", "2001:db8::/129", "2001:db8::g", ":::",
            " ", "1.2.3.4/24/1", "fe80::1%eth0", "[::1]"})
    void refuses_anything_but_strict_literal_addresses_and_blocks(String entry) {
        assertThat(invalid(entry)).singleElement().satisfies(error -> assertThat(error.index()).isZero());
    }

    @Test
    void refuses_a_block_with_host_bits_and_names_the_network_meant() {
        assertThat(invalid("10.0.0.5/24")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("10.0.0.0/24"));
    }

    @Test
    void refuses_the_same_block_twice_in_any_spelling_and_reports_each_bad_entry_by_index() {
        List<IpAllowList.EntryError> errors = invalid("2001:db8::/32", "bad", "2001:0DB8:0::/32");
        assertThat(errors).extracting(IpAllowList.EntryError::index).containsExactly(1, 2);
    }

    @Test
    void refuses_more_than_the_maximum_number_of_entries() {
        String[] entries = new String[IpAllowList.MAX_ENTRIES + 1];
        for (int i = 0; i < entries.length; i++) entries[i] = "10.0." + i + ".0/24";
        assertThat(invalid(entries)).singleElement().satisfies(error -> assertThat(error.index()).isEqualTo(-1));
    }

    @Test
    void keeps_entries_trimmed_and_in_order() {
        assertThat(valid(" 203.0.113.7 ", "2001:DB8::/32").entries()).containsExactly("203.0.113.7", "2001:db8::/32");
    }
}
