package org.yiwang.shared;

import java.util.Arrays;

/**
 * A refusal the caller can act on: carries a stable {@link ErrorCode} and the arguments for its message
 * ({@code error.<code>} in the message bundles, formatted with {@link java.text.MessageFormat}). The web layer turns
 * it into an RFC 9457 problem detail; nothing has been changed when it is thrown.
 */
public class BusinessException extends RuntimeException {

    private final ErrorCode error;
    private final Object[] args;

    public BusinessException(ErrorCode error, Object... args) {
        super(error.code() + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.error = error;
        this.args = args.clone();
    }

    public ErrorCode error() {
        return error;
    }

    public Object[] args() {
        return args.clone();
    }
}
