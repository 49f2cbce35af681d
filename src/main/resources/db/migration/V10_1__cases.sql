-- Case handling (一网通办办件). The service_case row is the source of truth for a case's state; the Flowable process
-- instance beside it (ACT_ tables, created by the engine) only says which task comes next.

-- Per item and Beijing day, the last sequence number given out: case numbers are code + yyyyMMdd + sequence.
CREATE TABLE service_case_number (
    item_code  varchar(36) NOT NULL,
    day        date        NOT NULL,
    last_value integer     NOT NULL,
    PRIMARY KEY (item_code, day)
);

CREATE TABLE service_case (
    id                   bigserial PRIMARY KEY,
    case_number          varchar(50) UNIQUE,              -- null while a draft
    query_code           varchar(12),
    item_code            varchar(36)  NOT NULL,
    item_version         integer      NOT NULL,
    item_name            varchar(200) NOT NULL,
    department_code      varchar(18)  NOT NULL,
    region_code          varchar(12)  NOT NULL,
    case_type            varchar(12)  NOT NULL,
    promised_days        integer      NOT NULL,
    pre_review           boolean      NOT NULL,
    materials_required   jsonb        NOT NULL DEFAULT '[]', -- the material list of the submitted answers
    channel              varchar(8)   NOT NULL,             -- ONLINE, WINDOW
    applicant_kind       varchar(12)  NOT NULL,             -- PERSON, ENTERPRISE
    applicant_account    varchar(22),                       -- the person applicant's account, when registered
    applicant_name       varchar(200) NOT NULL,
    applicant_id_enc     bytea,                             -- SM4-GCM, identity data key
    applicant_id_hash    varchar(64),                       -- HMAC-SM3, hex
    applicant_mobile     varchar(11),
    credit_code          varchar(18),                       -- enterprise applicant
    agent_account        varchar(22),                       -- the person acting for the enterprise
    agent_name           varchar(100),
    agent_role           varchar(16),
    submitter_key        varchar(80)  NOT NULL,             -- person:<account> or staff:<username>
    idempotency_key      varchar(100),
    form_values          jsonb        NOT NULL DEFAULT '{}',   -- what the applicant typed
    form_prefill         jsonb        NOT NULL DEFAULT '{}',   -- field key -> identity datum that fills it
    situation_answers    jsonb        NOT NULL DEFAULT '{}',
    state                varchar(24)  NOT NULL,
    resume_state         varchar(24),                       -- where a correction or pause returns to
    process_instance_id  varchar(64),
    process_definition_id varchar(128),
    current_task         varchar(32),
    current_task_id      varchar(64),
    task_role         varchar(24),
    handler              varchar(64),
    task_since           timestamptz,
    correction_items     jsonb,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    submitted_at         timestamptz,
    accepted_at          timestamptz,
    accepted_on          date,
    accepted_by          varchar(64),
    due_date             date,
    extension_days       integer      NOT NULL DEFAULT 0,
    stopped_days         integer      NOT NULL DEFAULT 0,
    clock_stopped_since  date,
    overdue_since        date,
    decision             varchar(8),                        -- APPROVED, REFUSED
    decision_reason      text,
    decided_at           timestamptz,
    result_code          smallint CHECK (result_code BETWEEN 0 AND 6),
    result_reason        text,
    completed_at         timestamptz,
    delivery_method      varchar(8),
    delivery_note        text,
    delivered_at         timestamptz,
    version              integer      NOT NULL DEFAULT 0,
    CONSTRAINT service_case_idempotency UNIQUE (submitter_key, idempotency_key),
    CONSTRAINT service_case_number_ascii CHECK (case_number IS NULL OR case_number ~ '^[\x21-\x7E]{1,50}$')
);

CREATE INDEX service_case_applicant ON service_case (applicant_account) WHERE applicant_account IS NOT NULL;
CREATE INDEX service_case_enterprise ON service_case (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX service_case_submitter ON service_case (submitter_key, state);
CREATE INDEX service_case_queue ON service_case (task_role, state, department_code, region_code);
CREATE INDEX service_case_due ON service_case (due_date) WHERE due_date IS NOT NULL AND overdue_since IS NULL;

-- Materials of a case: one current entry per slot (material key); replaced entries stay for the record.
CREATE TABLE service_case_material (
    id                 bigserial PRIMARY KEY,
    case_id            bigint       NOT NULL REFERENCES service_case (id) ON DELETE CASCADE,
    slot               varchar(64)  NOT NULL,
    source             varchar(8)   NOT NULL,   -- UPLOAD, LICENCE, PAPER (received at the window)
    file_name          varchar(255),
    media_type         varchar(100),
    size               bigint,
    sha256             varchar(64),
    content            bytea,
    licence_id         varchar(120),            -- GB/T 36904 identifier when source = LICENCE
    credibility_grade  varchar(1),              -- A/B/C/D (国办函〔2016〕108号)
    added_at           timestamptz  NOT NULL,
    added_by           varchar(80)  NOT NULL,
    replaced_at        timestamptz
);

CREATE UNIQUE INDEX service_case_material_current ON service_case_material (case_id, slot) WHERE replaced_at IS NULL;

-- Special procedures (特别程序) and other clock stops: extensions add working days; pauses and corrections stop the
-- clock from started_on to ended_on.
CREATE TABLE service_case_procedure (
    id          bigserial PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES service_case (id) ON DELETE CASCADE,
    kind        varchar(16) NOT NULL,   -- EXTENSION, HEARING, TESTING, EXPERT_REVIEW, OTHER, CORRECTION
    reason      text        NOT NULL,
    days        integer,                -- extension: working days added
    started_on  date        NOT NULL,
    ended_on    date,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    started_by  varchar(80) NOT NULL,
    result      text
);

CREATE INDEX service_case_procedure_case ON service_case_procedure (case_id);

-- The trail (留痕): every action on a case, append-only.
CREATE TABLE service_case_trail (
    id            bigserial PRIMARY KEY,
    case_id       bigint       NOT NULL REFERENCES service_case (id),
    at            timestamptz  NOT NULL,
    action        varchar(24)  NOT NULL,
    step          varchar(32),
    actor_kind    varchar(12)  NOT NULL,   -- APPLICANT, STAFF, SYSTEM
    actor         varchar(80)  NOT NULL,
    actor_name    varchar(100) NOT NULL,
    role          varchar(24),
    channel       varchar(8)   NOT NULL,
    opinion       text,
    state_before  varchar(24),
    state_after   varchar(24)  NOT NULL,
    details       jsonb        NOT NULL DEFAULT '{}'
);

CREATE INDEX service_case_trail_case ON service_case_trail (case_id, id);

CREATE FUNCTION service_case_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'service_case_trail is append-only';
END;
$$;

CREATE TRIGGER service_case_trail_append_only BEFORE UPDATE OR DELETE ON service_case_trail
    FOR EACH ROW EXECUTE FUNCTION service_case_trail_append_only();
CREATE TRIGGER service_case_trail_no_truncate BEFORE TRUNCATE ON service_case_trail
    FOR EACH STATEMENT EXECUTE FUNCTION service_case_trail_append_only();

-- In-site messages (站内消息): to an applicant (account or enterprise) or to staff (username or candidate group).
CREATE TABLE service_case_message (
    id              bigserial PRIMARY KEY,
    case_id         bigint       NOT NULL REFERENCES service_case (id) ON DELETE CASCADE,
    recipient_kind  varchar(12)  NOT NULL,   -- PERSON, ENTERPRISE, STAFF, GROUP
    recipient       varchar(80)  NOT NULL,
    kind            varchar(24)  NOT NULL,
    text            text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    read_at         timestamptz
);

CREATE INDEX service_case_message_recipient ON service_case_message (recipient_kind, recipient, created_at DESC);

-- Per-item processes uploaded by an administrator; new cases of the item start the latest one.
CREATE TABLE service_case_process (
    item_code              varchar(36)  PRIMARY KEY,
    process_definition_id  varchar(128) NOT NULL,
    deployment_id          varchar(64)  NOT NULL,
    uploaded_by            varchar(64)  NOT NULL,
    uploaded_at            timestamptz  NOT NULL
);
