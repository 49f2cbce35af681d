package org.yiwang.catalog;

/** A time limit such as 20 working days; 0 means handled on the spot (即时办结). */
public record TimeLimit(int value, TimeUnit unit) {

    public TimeLimit {
        if (value < 0) {
            throw new IllegalArgumentException("time limit must not be negative");
        }
        if (unit == null) {
            unit = TimeUnit.WORKING_DAY;
        }
    }

    public static TimeLimit workingDays(int value) {
        return new TimeLimit(value, TimeUnit.WORKING_DAY);
    }

    /** In the same unit, or both expressible in days; months compare as 21 working / 30 natural days at most. */
    public boolean exceeds(TimeLimit other) {
        return approximateDays() > other.approximateDays();
    }

    private double approximateDays() {
        return switch (unit) {
            case WORKING_DAY -> value * 7.0 / 5.0;
            case NATURAL_DAY -> value;
            case MONTH -> value * 30.0;
        };
    }

    public String label() {
        return value == 0 ? "即时办结" : value + unit.label();
    }
}
