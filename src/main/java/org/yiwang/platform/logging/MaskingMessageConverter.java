package org.yiwang.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.yiwang.shared.Masking;

/** {@code %m}, {@code %msg}, {@code %message} with personal data masked. */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.inText(super.convert(event));
    }
}
