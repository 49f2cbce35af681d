package org.yiwang.identity;

/**
 * Delivers a text message to a mobile number: the SMS gateway of a deployment implements it. Chosen by
 * {@code yiwang.sms.sender}: {@code outbox} keeps messages in a local table shown on {@code /dev/sms-outbox}
 * (development only; refused under the {@code prod} profile), {@code none} refuses to send.
 */
public interface SmsSender {

    void send(String mobile, String text);

    /**
     * Whether messages can be sent at all. When not, every code is refused before anything is looked up, so that the
     * refusal cannot tell a registered number (whose code would be sent) from another (whose code would not).
     */
    default boolean available() {
        return true;
    }
}
