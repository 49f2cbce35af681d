package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yiwang.catalog.ChangeRecordVerification.Problem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChangeChainTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-03-01T08:15:30.123456Z");

    @Test
    void sm3KnownAnswers() {
        // GB/T 32905-2016, appendix A
        assertThat(ChangeChain.sm3("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(ChangeChain.sm3("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void theChangesHashTheSameWhateverTheKeyOrderOrFormatting() {
        String hash = entry("a", "b", json("[{\"path\":\"name\",\"before\":\"甲\",\"after\":null,\"n\":1}]"))
                .hash(ChangeChain.GENESIS);
        assertThat(hash).hasSize(64).matches("[0-9a-f]+");
        JsonNode reordered = json("[ { \"n\" : 1.0, \"after\" : null, \"before\":\"\\u7532\", \"path\":\"name\" } ]");
        assertThat(entry("a", "b", reordered).hash(ChangeChain.GENESIS)).isEqualTo(hash);
        assertThat(entry("a", "b", json("[{\"path\":\"name\",\"before\":\"乙\",\"after\":null,\"n\":1}]"))
                .hash(ChangeChain.GENESIS)).isNotEqualTo(hash);
    }

    @Test
    void everyFieldCountsAndFieldBoundariesAreUnambiguous() {
        JsonNode none = json("[]");
        String hash = entry("ab", "c", none).hash(ChangeChain.GENESIS);
        assertThat(entry("a", "bc", none).hash(ChangeChain.GENESIS)).isNotEqualTo(hash);
        assertThat(entry("ab", null, none).hash(ChangeChain.GENESIS)).isNotEqualTo(entry("ab", "", none)
                .hash(ChangeChain.GENESIS));
        assertThat(entry("ab", "c", none).hash("1".repeat(64))).isNotEqualTo(hash);
        var later = new ChangeChain.Entry("C1", 1, 1, "CREATED", "ab", AT.plusNanos(1000), "c", none);
        assertThat(later.hash(ChangeChain.GENESIS)).isNotEqualTo(hash);
    }

    @Test
    void verificationNamesTheFirstBadEntry() {
        var first = stored(1, entry("a", null, json("[]")), ChangeChain.GENESIS);
        var second = stored(2, new ChangeChain.Entry("C1", 2, 1, "PUBLISHED", "a", AT, null, json("[]")),
                first.hash());
        assertThat(ChangeChain.verify("C1", 2, List.of(first, second))).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.head()).isEqualTo(second.hash());
        });
        assertThat(ChangeChain.verify("C1", 3, List.of(first, second)).firstBreak())
                .isEqualTo(new ChangeRecordVerification.Break(null, 3, Problem.COUNT_MISMATCH));
        assertThat(ChangeChain.verify("C1", 1, List.of(second)).firstBreak())
                .isEqualTo(new ChangeRecordVerification.Break(2L, 2, Problem.GAP));
        var forged = new ChangeChain.Stored(2, second.entry(), second.prevHash(), first.hash());
        assertThat(ChangeChain.verify("C1", 2, List.of(first, forged)).firstBreak())
                .isEqualTo(new ChangeRecordVerification.Break(2L, 2, Problem.HASH_MISMATCH));
    }

    private static ChangeChain.Entry entry(String actor, @Nullable String reason, JsonNode changes) {
        return new ChangeChain.Entry("C1", 1, 1, "CREATED", actor, AT, reason, changes);
    }

    private static ChangeChain.Stored stored(long id, ChangeChain.Entry entry, String prev) {
        return new ChangeChain.Stored(id, entry, prev, entry.hash(prev));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
