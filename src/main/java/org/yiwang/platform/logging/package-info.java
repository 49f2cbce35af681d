/**
 * Log output with personal data masked: every ID number and mobile number in a log line, message or exception text,
 * is replaced by its masked form ({@link org.yiwang.shared.Masking#inText}) in readable text logs
 * ({@code logback-spring.xml}) and in structured JSON logs ({@code logging.structured.json.customizer}).
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.platform.logging;
