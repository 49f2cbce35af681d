-- 人口库 (demo stand-in for the population base reached through data sharing). Keyed by the keyed hash of the ID
-- number, as the national exchange does; the number itself is not kept here.
CREATE TABLE population_person (
    id_number_hash BYTEA PRIMARY KEY,
    name           VARCHAR(50) NOT NULL
);

-- 自然人账号. account_id is random and opaque (the future OIDC "sub"); the ID number is stored encrypted
-- (id_number_enc) and found through its keyed hash (id_number_hash).
CREATE TABLE person_account (
    account_id      VARCHAR(32) PRIMARY KEY,
    name            VARCHAR(50) NOT NULL,
    id_number_enc   BYTEA       NOT NULL,
    id_number_hash  BYTEA       NOT NULL UNIQUE,
    mobile          VARCHAR(11) NOT NULL UNIQUE,
    password_hash   VARCHAR(200) NOT NULL,
    assurance_level SMALLINT    NOT NULL CHECK (assurance_level BETWEEN 2 AND 5),
    status          VARCHAR(20) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Every login attempt on an existing account, shown to its holder. The client address is kept masked (/24).
CREATE TABLE person_login (
    id          BIGSERIAL PRIMARY KEY,
    account_id  VARCHAR(32) NOT NULL REFERENCES person_account (account_id),
    at          TIMESTAMPTZ NOT NULL,
    method      VARCHAR(20) NOT NULL,
    result      VARCHAR(30) NOT NULL,
    client      VARCHAR(64) NOT NULL,
    user_agent  VARCHAR(300) NOT NULL
);
CREATE INDEX person_login_account ON person_login (account_id, at DESC);

-- Failed logins per login subject (an account, or the keyed hash of an unknown login name) and the resulting locks.
CREATE TABLE login_guard (
    subject      VARCHAR(80) PRIMARY KEY,
    failures     INT         NOT NULL,
    window_start TIMESTAMPTZ,
    locked_until TIMESTAMPTZ,
    locks        INT         NOT NULL
);

-- Failed logins per client address, for the per-address limit; rows older than the window are removed.
CREATE TABLE login_address_failure (
    address VARCHAR(64) NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_address_failure_address ON login_address_failure (address, at);

-- One-time SMS codes; only a keyed hash of the code is kept.
CREATE TABLE sms_code (
    id         BIGSERIAL PRIMARY KEY,
    mobile     VARCHAR(11) NOT NULL,
    purpose    VARCHAR(20) NOT NULL,
    code_hash  BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    attempts   INT         NOT NULL DEFAULT 0,
    used_at    TIMESTAMPTZ,
    -- Client address that asked for the code, for the per-address limit.
    requested_from VARCHAR(64) NOT NULL
);
CREATE INDEX sms_code_mobile ON sms_code (mobile, created_at DESC);
CREATE INDEX sms_code_requested_from ON sms_code (requested_from, created_at);

-- Messages of the development SMS sender (yiwang.sms.sender=outbox).
CREATE TABLE sms_outbox (
    id      BIGSERIAL PRIMARY KEY,
    mobile  VARCHAR(11) NOT NULL,
    text    VARCHAR(500) NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL
);

-- Spring Session JDBC (schema of spring-session-jdbc for PostgreSQL): sessions in the database, so that all sessions
-- of one account can be found (PRINCIPAL_NAME) and ended, and several instances share them.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID CHAR(36) NOT NULL,
    SESSION_ID CHAR(36) NOT NULL,
    CREATION_TIME BIGINT NOT NULL,
    LAST_ACCESS_TIME BIGINT NOT NULL,
    MAX_INACTIVE_INTERVAL INT NOT NULL,
    EXPIRY_TIME BIGINT NOT NULL,
    PRINCIPAL_NAME VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36) NOT NULL,
    ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES BYTEA NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);
