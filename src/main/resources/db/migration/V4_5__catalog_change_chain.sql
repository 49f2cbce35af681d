-- The change record becomes an SM3 hash chain per item (see org.yiwang.catalog.ChangeChain): seq numbers an item's
-- entries from 1, prev_hash is the hash of the entry before (64 zeros for the first). Existing rows are chained by
-- the Java migration 4.6, which then makes the columns mandatory.
alter table catalog_item_change
    add column seq       integer,
    add column prev_hash char(64),
    add column hash      char(64);

create trigger catalog_item_change_no_truncate
    before truncate on catalog_item_change
    for each statement execute function catalog_item_change_append_only();
