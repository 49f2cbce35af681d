-- 工作人员账号: bound to a department (its credit code; no foreign key, so that the bootstrap administrator of an
-- empty node can exist before its department does) and a region (division code, as the region tree has it:
-- 4403, not 440300), with roles (comma-separated StaffRole names). Passwords are Argon2id; the TOTP secret is stored
-- SM4-GCM encrypted (totp_secret_enc) and counts only once confirmed by a code (totp_enrolled). totp_last_step is the
-- last 30-second step whose code was accepted: a code is never accepted twice. Sessions that began before
-- credentials_changed_at (password or TOTP reset, password change) are ended on their next request.
CREATE TABLE staff_account (
    username               VARCHAR(32)  PRIMARY KEY,
    display_name           VARCHAR(50)  NOT NULL,
    department_code        VARCHAR(18)  NOT NULL,
    region_code            VARCHAR(12)  NOT NULL,
    roles                  VARCHAR(200) NOT NULL,
    password_hash          VARCHAR(200) NOT NULL,
    must_change_password   BOOLEAN      NOT NULL,
    totp_secret_enc        BYTEA,
    totp_enrolled          BOOLEAN      NOT NULL DEFAULT FALSE,
    totp_last_step         BIGINT,
    status                 VARCHAR(20)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    credentials_changed_at TIMESTAMPTZ  NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL,
    created_by             VARCHAR(32)  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    updated_by             VARCHAR(32)  NOT NULL,
    CHECK (NOT totp_enrolled OR totp_secret_enc IS NOT NULL)
);
CREATE INDEX staff_account_department ON staff_account (department_code, username);

-- Login attempts on staff accounts, shown to the holder (same columns as person_login; client masked to /24).
CREATE TABLE staff_login (
    id          BIGSERIAL    PRIMARY KEY,
    account_id  VARCHAR(32)  NOT NULL REFERENCES staff_account (username),
    at          TIMESTAMPTZ  NOT NULL,
    method      VARCHAR(20)  NOT NULL,
    result      VARCHAR(30)  NOT NULL,
    client      VARCHAR(64)  NOT NULL,
    user_agent  VARCHAR(300) NOT NULL
);
CREATE INDEX staff_login_account ON staff_login (account_id, at DESC);

-- Every change to a staff account: who, when, what. Append-only.
CREATE TABLE staff_change (
    id       BIGSERIAL    PRIMARY KEY,
    username VARCHAR(32)  NOT NULL REFERENCES staff_account (username),
    at       TIMESTAMPTZ  NOT NULL,
    actor    VARCHAR(32)  NOT NULL,
    action   VARCHAR(30)  NOT NULL,
    detail   VARCHAR(500) NOT NULL
);
CREATE INDEX staff_change_username ON staff_change (username, at DESC);

CREATE FUNCTION staff_change_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'staff_change is append-only';
END
$$;

CREATE TRIGGER staff_change_append_only
    BEFORE UPDATE OR DELETE ON staff_change
    FOR EACH ROW EXECUTE FUNCTION staff_change_append_only();
CREATE TRIGGER staff_change_no_truncate
    BEFORE TRUNCATE ON staff_change
    FOR EACH STATEMENT EXECUTE FUNCTION staff_change_append_only();
