package org.yiwang.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Columns of {@code service_case} that mirror the process's current task. */
final class CaseFlow {

    private CaseFlow() {
    }

    static Map<String, @Nullable Object> taskColumns(CaseProcess.@Nullable CurrentTask task, Instant now) {
        Map<String, @Nullable Object> c = new LinkedHashMap<>();
        c.put("current_task", task == null ? null : task.key());
        c.put("current_task_id", task == null ? null : task.id());
        c.put("task_role", task == null || task.role() == null ? null : task.role().name());
        c.put("handler", task == null ? null : task.assignee());
        c.put("task_since", task == null ? null : now);
        return c;
    }
}
