-- 法人库 (demo stand-in for the legal-person base reached through data sharing): the legal representative is kept as
-- the keyed hash of the ID number, like the population base.
CREATE TABLE legal_person (
    credit_code         VARCHAR(18) PRIMARY KEY,
    name                VARCHAR(100) NOT NULL,
    representative_hash BYTEA        NOT NULL
);

-- 法人账号: an enterprise claimed by its legal representative (a person account).
CREATE TABLE enterprise_account (
    credit_code    VARCHAR(18)  PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    representative VARCHAR(32)  NOT NULL REFERENCES person_account (account_id),
    claimed_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX enterprise_account_representative ON enterprise_account (representative);

-- 经办人授权: valid from valid_from to valid_until (dates in China time, both included) unless revoked.
CREATE TABLE enterprise_agent (
    id          BIGSERIAL   PRIMARY KEY,
    credit_code VARCHAR(18) NOT NULL REFERENCES enterprise_account (credit_code),
    agent       VARCHAR(32) NOT NULL REFERENCES person_account (account_id),
    scope       VARCHAR(20) NOT NULL,
    valid_from  DATE        NOT NULL,
    valid_until DATE        NOT NULL,
    granted_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ,
    CHECK (valid_until >= valid_from)
);
CREATE INDEX enterprise_agent_agent ON enterprise_agent (agent);
CREATE INDEX enterprise_agent_enterprise ON enterprise_agent (credit_code);
