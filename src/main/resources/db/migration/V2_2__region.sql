-- Administrative divisions down to township level (行政区划). Filled by the Java migration 2.3 from the
-- statistics edition shipped under classpath:region/divisions/.
create table region (
    code             varchar(12)  primary key,
    name             varchar(100) not null,
    parent_code      varchar(12),
    level            varchar(16)  not null,
    statistical_only boolean      not null default false
);

create index region_parent_idx on region (parent_code, code);
