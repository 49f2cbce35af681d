-- OpenID Connect provider: the schema of Spring Authorization Server's JDBC stores (PostgreSQL: blob -> text,
-- timestamp -> timestamptz), and the token signing keys.

-- Registered clients (接入系统), registered by a platform administrator. client_secret is a hash.
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100)  NOT NULL UNIQUE,
    client_id_issued_at           TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    client_secret                 VARCHAR(200),
    client_secret_expires_at      TIMESTAMPTZ,
    client_name                   VARCHAR(200)  NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(1000),
    post_logout_redirect_uris     VARCHAR(1000),
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(2000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL
);

-- Authorizations: codes, access, refresh and ID tokens issued to a client for an account (principal_name = the
-- opaque account id, or the client id for client credentials).
CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorization_grant_type      VARCHAR(100)  NOT NULL,
    authorized_scopes             VARCHAR(1000),
    attributes                    TEXT,
    state                         VARCHAR(500),
    authorization_code_value      TEXT,
    authorization_code_issued_at  TIMESTAMPTZ,
    authorization_code_expires_at TIMESTAMPTZ,
    authorization_code_metadata   TEXT,
    access_token_value            TEXT,
    access_token_issued_at        TIMESTAMPTZ,
    access_token_expires_at       TIMESTAMPTZ,
    access_token_metadata         TEXT,
    access_token_type             VARCHAR(100),
    access_token_scopes           VARCHAR(1000),
    oidc_id_token_value           TEXT,
    oidc_id_token_issued_at       TIMESTAMPTZ,
    oidc_id_token_expires_at      TIMESTAMPTZ,
    oidc_id_token_metadata        TEXT,
    refresh_token_value           TEXT,
    refresh_token_issued_at       TIMESTAMPTZ,
    refresh_token_expires_at      TIMESTAMPTZ,
    refresh_token_metadata        TEXT,
    user_code_value               TEXT,
    user_code_issued_at           TIMESTAMPTZ,
    user_code_expires_at          TIMESTAMPTZ,
    user_code_metadata            TEXT,
    device_code_value             TEXT,
    device_code_issued_at         TIMESTAMPTZ,
    device_code_expires_at        TIMESTAMPTZ,
    device_code_metadata          TEXT
);
-- The stores look tokens up by value (equality only): hash indexes, whatever the length of a token.
CREATE INDEX oauth2_authorization_code ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_refresh ON oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX oauth2_authorization_state ON oauth2_authorization (state);
CREATE INDEX oauth2_authorization_principal ON oauth2_authorization (principal_name);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id VARCHAR(100)  NOT NULL,
    principal_name       VARCHAR(200)  NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- Token signing keys (RSA 2048, RS256). ACTIVE signs; ACTIVE and RETIRING are published in the JWKS; RETIRED keys
-- are no longer published. The private key is encrypted with the identity data key.
CREATE TABLE oidc_signing_key (
    kid             VARCHAR(64) PRIMARY KEY,
    status          VARCHAR(10) NOT NULL CHECK (status IN ('ACTIVE', 'RETIRING', 'RETIRED')),
    public_key      BYTEA       NOT NULL,
    private_key_enc BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    retiring_since  TIMESTAMPTZ,
    retired_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX oidc_signing_key_one_active ON oidc_signing_key (status) WHERE status = 'ACTIVE';
