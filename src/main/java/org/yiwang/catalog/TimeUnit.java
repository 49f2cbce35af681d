package org.yiwang.catalog;

/** Unit of a time limit. Statutory limits count working days (行政许可法 art. 82) unless a law says otherwise. */
public enum TimeUnit {
    WORKING_DAY("个工作日"),
    NATURAL_DAY("个自然日"),
    MONTH("个月");

    private final String label;

    TimeUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
