-- Electronic licences (电子证照, GB/T 36901–36905): types, issued licences with their OFD files and status history,
-- issuance pending from completed cases, and authorised use by third parties.

-- 证照类型: GB/T 36904 type code = credit code of the defining authority + 3 digits.
CREATE TABLE license_type (
    code           varchar(21)  PRIMARY KEY,
    name           varchar(100) NOT NULL,
    holder_kind    varchar(12)  NOT NULL,                   -- PERSON, ENTERPRISE
    fields         jsonb        NOT NULL DEFAULT '[]',      -- metadata fields (照面信息项)
    validity_years integer,                                 -- null: long-term (长期有效)
    layout         jsonb        NOT NULL,                   -- OFD layout template
    updated_at     timestamptz  NOT NULL
);

-- Which service item yields which licence type when completed with result 0.
CREATE TABLE license_type_item (
    item_code varchar(36) PRIMARY KEY,
    type_code varchar(21) NOT NULL REFERENCES license_type (code)
);

-- Per type, issuer and year, the last serial number given out.
CREATE TABLE license_serial (
    type_code   varchar(21) NOT NULL,
    issuer_code varchar(18) NOT NULL,
    year        integer     NOT NULL,
    last_value  integer     NOT NULL,
    PRIMARY KEY (type_code, issuer_code, year)
);

CREATE TABLE license (
    id                bigserial    PRIMARY KEY,
    identifier        varchar(120) NOT NULL UNIQUE,
    type_code         varchar(21)  NOT NULL REFERENCES license_type (code),
    type_name         varchar(100) NOT NULL,
    issuer_code       varchar(18)  NOT NULL,
    issuer_name       varchar(200) NOT NULL,
    serial            varchar(32)  NOT NULL,
    version           integer      NOT NULL,
    holder_kind       varchar(12)  NOT NULL,
    holder_name       varchar(200) NOT NULL,
    holder_code_enc   bytea        NOT NULL,                -- ID number or credit code, SM4-GCM (identity data key)
    holder_code_hash  varchar(64)  NOT NULL,                -- HMAC-SM3, hex: finds a holder's licences
    holder_code_masked varchar(18) NOT NULL,
    region_code       varchar(12)  NOT NULL,
    issued_on         date         NOT NULL,
    valid_until       date,                                 -- null: long-term
    metadata          jsonb        NOT NULL DEFAULT '{}',
    status            varchar(12)  NOT NULL,                -- VALID, SUPERSEDED, REVOKED, CANCELLED, ANNULLED
    status_reason     varchar(500),
    status_changed_at timestamptz,
    case_number       varchar(50),
    source            varchar(12)  NOT NULL,                -- CASE, DIRECT, IMPORT
    file              bytea        NOT NULL,                -- the sealed OFD
    sealed            boolean      NOT NULL,
    created_at        timestamptz  NOT NULL,
    created_by        varchar(64)  NOT NULL,
    UNIQUE (type_code, issuer_code, serial, version)
);
CREATE INDEX license_holder ON license (holder_code_hash);
CREATE INDEX license_issuer ON license (issuer_code, created_at DESC);
CREATE UNIQUE INDEX license_from_case ON license (case_number) WHERE case_number IS NOT NULL AND version = 1;

-- History of every licence (留痕): issuance, change, revocation, cancellation, annulment; append-only.
CREATE TABLE license_history (
    id         bigserial    PRIMARY KEY,
    license_id bigint       NOT NULL REFERENCES license (id),
    action     varchar(12)  NOT NULL,                       -- ISSUE, CHANGE, REVOKE, CANCEL, ANNUL, IMPORT
    reason     varchar(500),
    actor      varchar(64)  NOT NULL,
    at         timestamptz  NOT NULL
);
CREATE INDEX license_history_license ON license_history (license_id, id);

CREATE FUNCTION license_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'license_history is append-only';
END $$;
CREATE TRIGGER license_history_append_only BEFORE UPDATE OR DELETE ON license_history
    FOR EACH ROW EXECUTE FUNCTION license_history_append_only();

-- A completed case whose licence is still to be issued: written in the completing transaction, removed when issued.
CREATE TABLE license_pending_issuance (
    case_number varchar(50)  PRIMARY KEY,
    type_code   varchar(21)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    attempts    integer      NOT NULL DEFAULT 0,
    last_error  varchar(1000)
);

-- 授权使用: the holder lends one licence to a third party for a purpose until an expiry.
CREATE TABLE license_grant (
    id          bigserial    PRIMARY KEY,
    code_hash   varchar(64)  NOT NULL UNIQUE,               -- SHA-256 of the code, hex; the code itself is not kept
    license_id  bigint       NOT NULL REFERENCES license (id),
    purpose     varchar(200) NOT NULL,
    grantee     varchar(200) NOT NULL,
    expires_at  timestamptz  NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(22)  NOT NULL,                      -- the holder's (or agent's) account
    revoked_at  timestamptz
);
CREATE INDEX license_grant_license ON license_grant (license_id);

CREATE TABLE license_use (
    id         bigserial    PRIMARY KEY,
    grant_id   bigint       NOT NULL REFERENCES license_grant (id),
    used_at    timestamptz  NOT NULL,
    user_agent varchar(200),
    address    varchar(64)
);
CREATE INDEX license_use_grant ON license_use (grant_id, used_at);
