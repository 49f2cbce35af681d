-- Refresh tokens replaced by rotation (SHA-256 of the value), to recognise one presented again: the authorization it
-- belonged to is then revoked (reuse detection). Kept until the token would have expired.
CREATE TABLE oidc_rotated_refresh_token (
    token_hash       BYTEA        PRIMARY KEY,
    authorization_id VARCHAR(100) NOT NULL,
    rotated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at       TIMESTAMPTZ
);

-- Access tokens (JWT ids) revoked before they expire; the bearer API refuses them. Kept until they expire.
CREATE TABLE oidc_revoked_token (
    jti        VARCHAR(100) PRIMARY KEY,
    expires_at TIMESTAMPTZ  NOT NULL
);

-- The opaque OpenID Connect subject of a staff account (工作人员), so that tokens never carry the username.
CREATE TABLE oidc_staff_subject (
    username   VARCHAR(100) PRIMARY KEY,
    subject    VARCHAR(64)  NOT NULL UNIQUE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
