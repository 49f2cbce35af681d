-- Departments (部门, 实施主体), identified by their unified social credit code.
create table department (
    credit_code  varchar(18)  primary key,
    name         varchar(200) not null,
    short_name   varchar(100) not null,
    region_code  varchar(12)  not null,
    level        varchar(16)  not null,
    address      varchar(300) not null,
    phone        varchar(50)  not null,
    office_hours varchar(200) not null,
    website      varchar(300),
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now()
);

create index department_region_idx on department (region_code);
