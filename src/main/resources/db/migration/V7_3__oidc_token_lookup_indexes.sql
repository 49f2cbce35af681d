-- V7_1 indexed the codes and the access and refresh tokens. The ID token is looked up too (RP-initiated logout
-- finds the authorization by its id_token_hint), and a token introspected or revoked without a type hint is looked
-- up in every token column at once (an OR that can use indexes only if every column has one). Hash indexes, like
-- V7_1's: equality only, any length (a B-tree entry is limited to about 2.7 kB, an RS256 token is longer than 1 kB
-- and grows with its claims), and NULLs, the usual value of most of these columns, are not indexed.
CREATE INDEX oauth2_authorization_id_token ON oauth2_authorization USING hash (oidc_id_token_value);
CREATE INDEX oauth2_authorization_user_code ON oauth2_authorization USING hash (user_code_value);
CREATE INDEX oauth2_authorization_device_code ON oauth2_authorization USING hash (device_code_value);
