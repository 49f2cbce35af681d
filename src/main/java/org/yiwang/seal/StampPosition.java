package org.yiwang.seal;

/** Where the stamp goes: page index from 0, top-left corner and diameter in millimetres. */
public record StampPosition(int page, double xMm, double yMm, double sizeMm) {

    public StampPosition {
        if (page < 0 || xMm < 0 || yMm < 0 || sizeMm <= 0) {
            throw new IllegalArgumentException("invalid stamp position");
        }
    }
}
