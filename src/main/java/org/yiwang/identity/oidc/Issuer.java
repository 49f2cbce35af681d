package org.yiwang.identity.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The issuer identifier: {@code yiwang.identity.issuer} (required in production, e.g. {@code https://id.gd.gov.cn});
 * when unset, the address the request came to (e.g. {@code http://localhost:8080}), as the authorization server
 * itself resolves it.
 */
@Component
class Issuer {

    private final Optional<String> configured;

    Issuer(@Value("${yiwang.identity.issuer:}") String issuer) {
        this.configured = Optional.of(issuer.strip()).filter(s -> !s.isEmpty());
    }

    Optional<String> configured() {
        return configured;
    }

    Optional<String> current() {
        return configured.or(() -> {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                return Optional.of(UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                        .replacePath(request.getContextPath()).replaceQuery(null).fragment(null).build()
                        .toUriString());
            }
            return Optional.empty();
        });
    }
}
