-- Electronic seals (电子印章, GB/T 38540): the platform CA's certificates and keys, departments' seals and their uses.

-- Every certificate the platform knows with its key pair: the platform root (ROOT), the seal maker (MAKER, 制章者)
-- and the departments' signing certificates (SIGNER), issued by the root or imported from an external CA.
CREATE TABLE seal_certificate (
    id              uuid         PRIMARY KEY,
    kind            varchar(8)   NOT NULL,                 -- ROOT, MAKER, SIGNER
    department_code varchar(18),                           -- SIGNER only
    subject         varchar(500) NOT NULL,
    serial_number   varchar(64)  NOT NULL,                 -- hex
    issuer          varchar(500) NOT NULL,
    not_before      timestamptz  NOT NULL,
    not_after       timestamptz  NOT NULL,
    certificate     bytea        NOT NULL,                 -- X.509, DER
    private_key_enc bytea        NOT NULL,                 -- PKCS#8, SM4-GCM under yiwang.seal.master-key
    imported        boolean      NOT NULL DEFAULT false,
    revoked_at      timestamptz,
    revocation_reason varchar(500),
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX seal_certificate_one_root ON seal_certificate (kind) WHERE kind IN ('ROOT', 'MAKER');
CREATE UNIQUE INDEX seal_certificate_serial ON seal_certificate (issuer, serial_number);
CREATE INDEX seal_certificate_department ON seal_certificate (department_code);

-- A department's seal: the SES v4 SESeal made by the platform, its picture, validity and status.
CREATE TABLE seal (
    id              varchar(40)  PRIMARY KEY,              -- esID of the SES_SealInfo
    department_code varchar(18)  NOT NULL,
    seal_type       varchar(12)  NOT NULL,                 -- OFFICIAL, APPROVAL, LICENCE
    name            varchar(200) NOT NULL,
    certificate_id  uuid         NOT NULL REFERENCES seal_certificate (id),
    picture         bytea        NOT NULL,                 -- PNG
    seseal          bytea        NOT NULL,                 -- SESeal v4, DER
    valid_from      timestamptz  NOT NULL,
    valid_to        timestamptz  NOT NULL,
    status          varchar(10)  NOT NULL,                 -- ACTIVE, SUSPENDED, REVOKED
    status_reason   varchar(500),
    status_changed_at timestamptz,
    status_changed_by varchar(64),
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX seal_department ON seal (department_code, seal_type);

-- Every use of a seal (用印记录).
CREATE TABLE seal_use (
    id             bigserial    PRIMARY KEY,
    seal_id        varchar(40)  NOT NULL REFERENCES seal (id),
    document_hash  varchar(64)  NOT NULL,                  -- SM3 of the sealed OFD, hex
    used_at        timestamptz  NOT NULL,
    used_by        varchar(64),
    purpose        varchar(500)
);
CREATE INDEX seal_use_seal ON seal_use (seal_id, used_at);
