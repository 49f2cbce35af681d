package org.yiwang.cases;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code yiwang.cases.*}: see {@code application.yml} and the README. */
@ConfigurationProperties("yiwang.cases")
record CasesProperties(Upload upload, Warning warning, Progress progress, Duration draftRetention) {

    CasesProperties {
        draftRetention = draftRetention == null ? Duration.ofDays(30) : draftRetention;
        upload = upload == null ? new Upload(null) : upload;
        warning = warning == null ? new Warning(null) : warning;
        progress = progress == null ? new Progress(null, null) : progress;
    }

    record Upload(DataSize maxSize) {
        Upload {
            maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
        }
    }

    record Warning(Integer yellowDays) {
        Warning {
            yellowDays = yellowDays == null ? 2 : yellowDays;
        }
    }

    record Progress(Integer maxFailures, Duration failureWindow) {
        Progress {
            maxFailures = maxFailures == null ? 10 : maxFailures;
            failureWindow = failureWindow == null ? Duration.ofMinutes(10) : failureWindow;
        }
    }
}
