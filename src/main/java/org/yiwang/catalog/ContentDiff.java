package org.yiwang.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field-level difference of two item contents, on their JSON form: objects by property, lists by position. Empty
 * texts and lists count as absent.
 */
final class ContentDiff {

    private ContentDiff() {
    }

    static List<ItemChange.FieldChange> between(JsonMapper mapper, @Nullable ItemContent before, ItemContent after) {
        List<ItemChange.FieldChange> out = new ArrayList<>();
        walk("", before == null ? null : mapper.valueToTree(before), mapper.valueToTree(after), out);
        return out;
    }

    private static void walk(String path, @Nullable JsonNode a, @Nullable JsonNode b, List<ItemChange.FieldChange> out) {
        if (Objects.equals(absentAsNull(a), absentAsNull(b))) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a == null && b != null && b.isObject() && path.isEmpty()) {
            for (String name : b.propertyNames()) {
                walk(name, null, b.get(name), out);
            }
        } else {
            out.add(new ItemChange.FieldChange(path, text(a), text(b)));
        }
    }

    private static @Nullable JsonNode absentAsNull(@Nullable JsonNode n) {
        boolean empty = n == null || n.isNull() || n.isMissingNode() || (n.isArray() && n.isEmpty())
                || (n.isString() && n.asString().isEmpty());
        return empty ? null : n;
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        JsonNode v = absentAsNull(n);
        return v == null ? null : v.isString() ? v.asString() : v.toString();
    }
}
