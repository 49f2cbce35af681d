package org.yiwang.identity.person;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.SmsSender;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.Masking;

/**
 * The SMS senders this module brings. A deployment with an SMS gateway sets {@code yiwang.sms.sender} to another
 * value (e.g. {@code gateway}) and provides its own {@link SmsSender} bean.
 */
@Configuration(proxyBeanMethods = false)
class SmsSenders {

    @Bean
    @ConditionalOnProperty(name = "yiwang.sms.sender", havingValue = "outbox")
    SmsSender outboxSmsSender(JdbcClient jdbc, Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException("yiwang.sms.sender=outbox shows one-time codes on a web page and must not "
                    + "be used with the prod profile: configure a real SMS gateway");
        }
        return (mobile, text) -> jdbc.sql("INSERT INTO sms_outbox (mobile, text, sent_at) VALUES (?, ?, ?)")
                .params(mobile, text, Timestamp.from(Instant.now())).update();
    }

    @Bean
    @ConditionalOnProperty(name = "yiwang.sms.sender", havingValue = "none", matchIfMissing = true)
    SmsSender unavailableSmsSender() {
        return new SmsSender() {
            @Override
            public void send(String mobile, String text) {
                throw new BusinessException(IdentityError.IDENTITY_SMS_UNAVAILABLE, Masking.mobile(mobile));
            }

            @Override
            public boolean available() {
                return false;
            }
        };
    }
}
