package org.yiwang.cases;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.shared.BusinessException;

/**
 * Case numbers (办件编号, domain §3): implementation code + Beijing date {@code yyyyMMdd} + a 6-digit sequence per item
 * and day, at most 50 ASCII characters. The sequence is one atomic {@code INSERT … ON CONFLICT … DO UPDATE …
 * RETURNING} on a counter row, so instances running side by side never hand out the same number. It runs on
 * connections of its own and commits at once: inside the submission's transaction the counter row would stay locked
 * until that transaction commits, and every submission of a popular item would wait for the one before it. A
 * submission that fails after drawing its number leaves a gap, never a duplicate. Query codes (查询码) are 8
 * characters of an alphabet without look-alikes.
 */
@Component
class CaseNumbers implements DisposableBean {

    static final int SEQUENCE_DIGITS = 6;
    private static final int MAX_SEQUENCE = 999_999;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,36}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final char[] QUERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HikariDataSource counter;
    private final JdbcClient jdbc;

    CaseNumbers(DataSource dataSource) throws SQLException {
        HikariConfig config = new HikariConfig();
        dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
        config.setPoolName("case-numbers");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        this.counter = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(counter);
    }

    @Override
    public void destroy() {
        counter.close();
    }

    String next(String itemCode, LocalDate day) {
        if (!CODE.matcher(itemCode).matches()) {
            throw new IllegalStateException("implementation code not usable in a case number: " + itemCode);
        }
        int sequence = jdbc.sql("""
                INSERT INTO service_case_number (item_code, day, last_value) VALUES (?, ?, 1)
                ON CONFLICT (item_code, day) DO UPDATE SET last_value = service_case_number.last_value + 1
                RETURNING last_value""").params(itemCode, day).query(Integer.class).single();
        if (sequence > MAX_SEQUENCE) {
            throw new BusinessException(CasesError.CASES_NUMBER_EXHAUSTED);
        }
        return itemCode + day.format(DAY) + String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
    }

    static String queryCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = QUERY_ALPHABET[RANDOM.nextInt(QUERY_ALPHABET.length)];
        }
        return new String(code);
    }
}
