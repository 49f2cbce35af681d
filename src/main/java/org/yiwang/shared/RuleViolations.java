package org.yiwang.shared;

import java.util.List;

/**
 * Several rules refused one request at once: {@link #error()} summarises, {@link #violations()} lists each broken
 * rule with its own stable code, so that a form can show every problem in one round trip. Nothing has been changed.
 */
public class RuleViolations extends BusinessException {

    private final List<Violation> violations;

    public RuleViolations(ErrorCode summary, List<Violation> violations) {
        super(summary, violations.size());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One broken rule: {@code field} is the path of the offending value (e.g. {@code materials[1].key}). */
    public record Violation(ErrorCode error, String field, List<Object> args) {

        public Violation {
            args = List.copyOf(args);
        }

        public static Violation of(ErrorCode error, String field, Object... args) {
            return new Violation(error, field, List.of(args));
        }
    }
}
