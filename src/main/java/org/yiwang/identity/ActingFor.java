package org.yiwang.identity;

import java.io.Serializable;

/**
 * The enterprise a logged-in person currently acts for (法人账号切换), as its legal representative or as an authorised
 * agent (经办人).
 */
public record ActingFor(String creditCode, String enterpriseName, Role role) implements Serializable {

    public enum Role {
        REPRESENTATIVE("enterprise", "法定代表人"),
        AGENT("agent", "经办人");

        private final String accountType;
        private final String label;

        Role(String accountType, String label) {
            this.accountType = accountType;
            this.label = label;
        }

        /** The OpenID Connect {@code account_type} claim while acting in this role. */
        public String accountType() {
            return accountType;
        }

        public String label() {
            return label;
        }
    }
}
