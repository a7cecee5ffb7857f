-- DfE's published statistics, kept apart from authorities' own returns: the comparators every benchmark
-- shows beside members' figures. Public data, so no row-level security; written only by the importer.
create table published_import (
    id           bigint generated always as identity primary key,
    publication  text not null,
    source       text not null,
    file_name    text not null,
    file_sha256  text not null,
    imported_at  timestamptz not null default now(),
    rows_read    integer not null,
    values_new   integer not null,
    values_changed integer not null,
    values_unchanged integer not null,
    skipped      integer not null
);

create table published_statistic (
    publication      text not null,
    time_period      text not null,
    time_identifier  text not null,
    geographic_level text not null check (geographic_level in ('National', 'Regional', 'Local authority')),
    area_code        text not null,
    area_name        text not null,
    region_code      text,
    old_la_code      text,
    measure          text not null,
    value            numeric,
    symbol           text check (symbol in ('c', 'x', 'z', 'low', 'u')),
    source           text not null,
    import_id        bigint not null references published_import (id),
    check ((value is null) <> (symbol is null)),
    primary key (publication, measure, time_period, geographic_level, area_code)
);

-- Benchmarks read one measure for one period across areas (the primary key's order serves that);
-- an authority's own page reads all of its measures over time.
create index published_statistic_area on published_statistic (area_code, time_period);

grant select on published_import, published_statistic to ${appRole};
