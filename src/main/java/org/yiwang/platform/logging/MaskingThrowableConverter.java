package org.yiwang.platform.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.yiwang.shared.Masking;

/** Spring Boot's exception output ({@code %wEx}) with personal data masked in messages and causes. */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Masking.inText(super.throwableProxyToString(proxy));
    }
}
