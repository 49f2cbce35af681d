package org.yiwang.portal;

/** Nothing to show at this address; rendered as the HTML 404 page with a message key explaining what is missing. */
public class PageNotFoundException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    public PageNotFoundException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args.clone();
    }
}
