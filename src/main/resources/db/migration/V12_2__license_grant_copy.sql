-- The watermarked copy of a grant, made and sealed at its first use and handed out as it is at every later use
-- (purpose, grantee and expiry, all it prints, never change).
ALTER TABLE license_grant ADD COLUMN copy bytea;
