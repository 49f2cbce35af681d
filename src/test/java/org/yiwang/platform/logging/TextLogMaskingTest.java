package org.yiwang.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yiwang.IntegrationTest;

/** The demo and test profiles log readable text, configured by {@code logback-spring.xml}. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TextLogMaskingTest {

    private static final Logger log = LoggerFactory.getLogger(TextLogMaskingTest.class);

    @Test
    void masksIdAndMobileNumbersInMessagesAndExceptions(CapturedOutput output) {
        log.info("申请人 {} 联系电话 {}", "11010519491231002X", "13812345678");
        log.warn("核验失败 11010519491231002X", new IllegalStateException("证件 11010519491231002X 手机 13812345678",
                new IllegalArgumentException("原因：13812345678")));

        assertThat(output.getOut()).contains("申请人 110105********002X 联系电话 138****5678", "核验失败 110105********002X",
                "java.lang.IllegalStateException: 证件 110105********002X 手机 138****5678",
                "Caused by: java.lang.IllegalArgumentException: 原因：138****5678", "at org.yiwang.platform.logging");
        assertThat(output.getAll()).doesNotContain("11010519491231002X", "13812345678");
    }
}
