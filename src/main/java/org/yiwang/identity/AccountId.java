package org.yiwang.identity;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/**
 * Opaque identifier of an account: 128 random bits, URL-safe Base64 (22 characters). Never derived from the ID
 * number, so it can be handed to relying systems as the OpenID Connect {@code sub}.
 */
public record AccountId(String value) implements Serializable {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public AccountId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new BusinessException(CommonError.INVALID_PARAMETER, "accountId");
        }
    }

    public static AccountId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new AccountId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
