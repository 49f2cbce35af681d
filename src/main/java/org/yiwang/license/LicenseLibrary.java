package org.yiwang.license;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.cases.LicenceLibrary;
import org.yiwang.identity.PersonalDataCipher;

/** 免提交: the holder's newest valid licence of a type, found by ID number or credit code, for an application. */
@Component
class LicenseLibrary implements LicenceLibrary {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    LicenseLibrary(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> validLicence(String typeCode, String holderCode) {
        return jdbc.sql("""
                SELECT identifier FROM license WHERE type_code = ? AND holder_code_hash = ? AND status = 'VALID'
                AND (valid_until IS NULL OR valid_until >= ?) ORDER BY created_at DESC, id DESC LIMIT 1""")
                .params(typeCode, cipher.hash(holderCode.strip().toUpperCase()),
                        Date.valueOf(LocalDate.now(WorkingDayCalendar.ZONE)))
                .query(String.class).optional();
    }
}
