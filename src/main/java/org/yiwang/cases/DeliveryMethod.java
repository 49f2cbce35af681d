package org.yiwang.cases;

/** How the result reaches the applicant (送达). */
public enum DeliveryMethod {
    ONLINE("网上下载"),
    WINDOW("窗口领取"),
    POST("邮寄送达");

    private final String label;

    DeliveryMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
