package org.yiwang.cases;

/**
 * What fills a material slot: an upload (content-sniffed PDF, JPEG, PNG or OFD), an electronic licence the applicant
 * holds (电子证照, by its GB/T 36904 identifier with a credibility grade A–D), or paper received at the window.
 */
public enum MaterialSource {
    UPLOAD("上传"),
    LICENCE("电子证照"),
    PAPER("窗口收取纸质材料");

    private final String label;

    MaterialSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
