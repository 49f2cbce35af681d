package org.yiwang.catalog;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;
import org.yiwang.catalog.ChangeRecordVerification.Problem;
import tools.jackson.databind.JsonNode;

/**
 * The SM3 (GB/T 32905) hash chain over an item's change record. Entry {@code seq} (1, 2, …) stores the hash of the
 * entry before it as {@code prev_hash} ({@link #GENESIS} for the first) and its own
 * {@code hash = SM3(field("yiwang/catalog_item_change/1") ‖ field(prev_hash) ‖ field(code) ‖ int32(seq) ‖
 * int32(version) ‖ field(action) ‖ field(actor) ‖ int64(at) ‖ field(reason) ‖ json(changes))}, lower-case hex.
 * {@code field} is the 4-byte big-endian length of the UTF-8 bytes then the bytes (length −1 for null); integers are
 * big-endian; {@code at} counts microseconds since 1970-01-01T00:00Z, the precision PostgreSQL stores. {@code json}
 * encodes the JSON value independently of key order and formatting (jsonb reorders keys): object {@code 'O'},
 * int32 count, then key (as field) and value per property in ascending key order; array {@code 'A'}, int32 count,
 * values; string {@code 'S'} field; number {@code 'N'} field of its plain decimal form without trailing zeros;
 * {@code 't'}, {@code 'f'}, {@code 'z'} for true, false, null.
 */
final class ChangeChain {

    static final String GENESIS = "0".repeat(64);
    private static final String DOMAIN = "yiwang/catalog_item_change/1";

    private ChangeChain() {
    }

    /** The hashed content of one entry; {@code at} must already be at microsecond precision. */
    record Entry(String code, int seq, int version, String action, String actor, Instant at, @Nullable String reason,
            JsonNode changes) {

        String hash(String prevHash) {
            var bytes = new ByteArrayOutputStream();
            try (var out = new DataOutputStream(bytes)) {
                field(out, DOMAIN);
                field(out, prevHash);
                field(out, code);
                out.writeInt(seq);
                out.writeInt(version);
                field(out, action);
                field(out, actor);
                out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, at));
                field(out, reason);
                json(out, changes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return sm3(bytes.toByteArray());
        }
    }

    /** An entry as stored. */
    record Stored(long id, Entry entry, String prevHash, String hash) {
    }

    static String sm3(byte[] input) {
        var digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * Checks the stored entries of item {@code code}, ordered by seq: each must match its hash, number on from the
     * one before and link to its hash; their count must equal the item's revision, which counts every change.
     */
    static ChangeRecordVerification verify(String code, int revision, List<Stored> entries) {
        String prev = GENESIS;
        int seq = 1;
        for (Stored s : entries) {
            Problem problem = !s.entry().hash(s.prevHash()).equals(s.hash()) ? Problem.HASH_MISMATCH
                    : s.entry().seq() != seq ? Problem.GAP
                    : !s.prevHash().equals(prev) ? Problem.BROKEN_LINK
                    : null;
            if (problem != null) {
                return ChangeRecordVerification.broken(code, entries.size(),
                        new ChangeRecordVerification.Break(s.id(), s.entry().seq(), problem));
            }
            prev = s.hash();
            seq++;
        }
        if (entries.size() != revision) {
            return ChangeRecordVerification.broken(code, entries.size(),
                    new ChangeRecordVerification.Break(null, seq, Problem.COUNT_MISMATCH));
        }
        return ChangeRecordVerification.intact(code, entries.size(), prev);
    }

    private static void field(DataOutputStream out, @Nullable String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void json(DataOutputStream out, JsonNode node) throws IOException {
        if (node.isObject()) {
            out.writeByte('O');
            List<Map.Entry<String, JsonNode>> properties = node.properties().stream()
                    .sorted(Map.Entry.comparingByKey()).toList();
            out.writeInt(properties.size());
            for (var p : properties) {
                field(out, p.getKey());
                json(out, p.getValue());
            }
        } else if (node.isArray()) {
            out.writeByte('A');
            out.writeInt(node.size());
            for (JsonNode value : node) {
                json(out, value);
            }
        } else if (node.isString()) {
            out.writeByte('S');
            field(out, node.asString());
        } else if (node.isNumber()) {
            out.writeByte('N');
            field(out, node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isBoolean()) {
            out.writeByte(node.booleanValue() ? 't' : 'f');
        } else if (node.isNull()) {
            out.writeByte('z');
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + node.getNodeType());
        }
    }
}
