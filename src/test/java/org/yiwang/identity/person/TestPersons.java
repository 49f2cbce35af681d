package org.yiwang.identity.person;

import java.util.concurrent.atomic.AtomicInteger;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.shared.IdNumber;

/** Fictional people for tests: valid ID numbers (division 440304, born 2000-01-01) and unused mobile numbers. */
final class TestPersons {

    static final String PASSWORD = "Test@2026pass";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private TestPersons() {
    }

    static IdNumber idNumber(int sequence) {
        String body = "44030420000101" + "%03d".formatted(sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return IdNumber.of(body + "10X98765432".charAt(sum % 11));
    }

    static String mobile(int sequence) {
        return "1580000" + "%04d".formatted(sequence);
    }

    static int next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A registered person, also in the population base. */
    static PersonAccount create(PersonAccounts accounts, JdbcPopulationRegistry population, String name) {
        int n = next();
        population.add(idNumber(n), name);
        return accounts.create(name, idNumber(n), mobile(n), PASSWORD, AssuranceLevel.POPULATION_CONFIRMED);
    }
}
