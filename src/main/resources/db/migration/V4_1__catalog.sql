-- Service items (事项): one row per implementation code, its versions and its append-only change record.
create table catalog_item (
    code            varchar(36) primary key,
    department_code varchar(18) not null,
    status          varchar(16) not null check (status in ('DRAFT', 'PUBLISHED', 'SUSPENDED', 'CANCELLED')),
    latest_version  integer     not null,
    public_version  integer,
    revision        integer     not null,
    created_at      timestamptz not null,
    created_by      varchar(64) not null,
    updated_at      timestamptz not null,
    updated_by      varchar(64) not null
);

create index catalog_item_department on catalog_item (department_code, status);

create table catalog_item_version (
    code         varchar(36) not null references catalog_item (code),
    version      integer     not null,
    content      jsonb       not null,
    created_at   timestamptz not null,
    created_by   varchar(64) not null,
    published_at timestamptz,
    published_by varchar(64),
    primary key (code, version)
);

create table catalog_item_change (
    id      bigint generated always as identity primary key,
    code    varchar(36) not null references catalog_item (code),
    version integer     not null,
    action  varchar(16) not null,
    actor   varchar(64) not null,
    at      timestamptz not null,
    reason  text,
    changes jsonb       not null
);

create index catalog_item_change_code on catalog_item_change (code, id);

create function catalog_item_change_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'catalog_item_change is append-only';
end
$$;

create trigger catalog_item_change_append_only
    before update or delete on catalog_item_change
    for each row execute function catalog_item_change_append_only();

-- Blank forms (空白表格) and samples (示例样表).
create table catalog_file (
    id          uuid primary key,
    name        varchar(255) not null,
    media_type  varchar(128) not null,
    size        bigint       not null,
    sha256      char(64)     not null,
    content     bytea        not null,
    uploaded_by varchar(64)  not null,
    uploaded_at timestamptz  not null
);
