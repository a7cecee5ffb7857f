-- A memorandum's targets, each set by the region's administrator: which measure, which way, what value, on whose
-- authority (source) and when. Nothing is seeded: Kent's "85% of posts filled by permanent staff" was one council's
-- commitment, not every region's, and was tested against the wrong measure (the agency rate).
create table memorandum_target (
    id             uuid primary key default gen_random_uuid(),
    region_code    text not null references region (code),
    measure        text not null check (measure ~ '^[a-z][a-z0-9_]*$'),
    comparison     text not null check (comparison in ('AT_LEAST', 'AT_MOST')),
    value          numeric(12, 2) not null,
    source         text not null check (length(source) between 1 and 500),
    effective_from date not null,
    effective_to   date,
    recorded_by    text not null,
    recorded_at    timestamptz not null default now(),
    withdrawn_at   timestamptz,
    check (effective_to is null or effective_to > effective_from)
);
create index memorandum_target_region on memorandum_target (region_code, measure);

-- Everyone may read a memorandum's targets (they are the memorandum's public commitments); only the region's own
-- administrators set or withdraw them.
alter table memorandum_target enable row level security;
create policy target_readable on memorandum_target for select using (true);
create policy target_set_by_region on memorandum_target for insert
    with check (region_code = current_setting('wfx.region', true));
create policy target_withdrawn_by_region on memorandum_target for update
    using (region_code = current_setting('wfx.region', true))
    with check (region_code = current_setting('wfx.region', true));
grant select, insert, update on memorandum_target to ${appRole};

-- The seeded 85% is withdrawn from every region's shipped terms; a region that has that target records it as one.
update memorandum_terms set permanent_staff_target_percent = null where recorded_by = 'seed';

-- The seed made every "active" authority a member from 1 October 2024, and Cumbria, North Yorkshire E10000023 and
-- Somerset E10000027 counted as active then (DfE still published their children-in-need year to 31 March 2023),
-- though they had been abolished on 1 April 2023. A membership that starts after its authority ceased is void.
delete from memorandum_membership m
 using authority a
 where a.gss_code = m.authority_code and a.abolished is not null and a.abolished <= m.effective_from;

-- Cached benchmarks are valid while targets are unchanged too.
create or replace function benchmark_data_version()
    returns text language sql stable security definer set search_path = public as
$$
    select coalesce((select max(id)::text from published_import), '0') || ':' ||
           coalesce((select max(submitted_at)::text from workforce_return), '-') || ':' ||
           coalesce((select count(*)::text from workforce_return), '0') || ':' ||
           coalesce((select max(id)::text || '/' || count(*)::text || '/' || count(effective_to)::text
                       from memorandum_membership), '0') || ':' ||
           coalesce((select max(recorded_at)::text from memorandum_terms), '-') || ':' ||
           coalesce((select max(greatest(recorded_at, withdrawn_at))::text || '/' || count(*)::text from memorandum_target), '-')
$$;
