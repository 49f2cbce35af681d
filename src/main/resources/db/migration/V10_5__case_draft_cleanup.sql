-- The draft cleanup looks for drafts untouched for the retention period.
CREATE INDEX service_case_draft_updated ON service_case (updated_at) WHERE state = 'DRAFT';
