package org.yiwang.catalog;

/** 办理形式. */
public enum HandlingForm {
    WINDOW("1", "窗口办理"),
    ONLINE_PC("2", "网上办理（电脑端）"),
    ONLINE_MOBILE("3", "网上办理（移动端）"),
    POST("4", "快递申请"),
    OTHER("9", "其他");

    private final String code;
    private final String label;

    HandlingForm(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
