-- Statutory working-day calendar (工作日): one row per year whose official schedule is loaded, and the days that
-- schedule names. A weekday not listed is a working day, a weekend day not listed is a rest day.
CREATE TABLE calendar_year (
    year      integer     PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),
    source    text        NOT NULL,
    papers    text[]      NOT NULL DEFAULT '{}',
    loaded_at timestamptz NOT NULL DEFAULT now(),
    loaded_by text        NOT NULL
);

CREATE TABLE calendar_day (
    day     date    PRIMARY KEY,
    year    integer NOT NULL REFERENCES calendar_year (year) ON DELETE CASCADE,
    off_day boolean NOT NULL,
    name    text    NOT NULL CHECK (name <> ''),
    CHECK (extract(year FROM day) = year)
);

CREATE INDEX calendar_day_year ON calendar_day (year);
