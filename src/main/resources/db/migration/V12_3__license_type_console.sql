-- Licence types defined or edited in the console (证照类型管理) are no longer overwritten from types.json at start.
ALTER TABLE license_type ADD COLUMN edited_in_console boolean NOT NULL DEFAULT false;
