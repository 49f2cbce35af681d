package org.yiwang.identity.person;

/** Whether an account may log in. */
enum AccountStatus {
    ACTIVE,
    DISABLED
}
