-- Benchmarks compare members' own returns with each other, as the data-sharing agreement allows, through this one
-- function: the latest version of every authority's census-year return, for the benchmark service to aggregate,
-- suppress and name (or not) according to who is asking. Row-level security keeps direct reads authority-only.
create function latest_census_returns()
    returns table (authority_code text, period text, version integer, measure text, breakdown text, value numeric, symbol text)
    language sql stable security definer set search_path = public as
$$
    select r.authority_code, r.period, r.version, v.measure, v.breakdown, v.value, v.symbol
      from (select distinct on (authority_code, period) id, authority_code, period, version
              from workforce_return where period_type = 'CENSUS_YEAR'
             order by authority_code, period, version desc) r
      join return_value v on v.return_id = r.id
$$;
revoke all on function latest_census_returns() from public;
grant execute on function latest_census_returns() to ${appRole};

-- What cached benchmarks are valid for: it changes whenever statistics are imported, a return is accepted, or a
-- memorandum's members or terms change (members decide who sees names; terms the suppression threshold and target).
create function benchmark_data_version()
    returns text language sql stable security definer set search_path = public as
$$
    select coalesce((select max(id)::text from published_import), '0') || ':' ||
           coalesce((select max(submitted_at)::text from workforce_return), '-') || ':' ||
           coalesce((select count(*)::text from workforce_return), '0') || ':' ||
           coalesce((select max(id)::text || '/' || count(*)::text || '/' || count(effective_to)::text
                       from memorandum_membership), '0') || ':' ||
           coalesce((select max(recorded_at)::text from memorandum_terms), '-')
$$;
revoke all on function benchmark_data_version() from public;
grant execute on function benchmark_data_version() to ${appRole};

-- Comparison groups a region administrator defines (e.g. "coastal authorities").
create table custom_group (
    id              uuid primary key,
    region_code     text not null references region (code),
    name            text not null check (length(name) between 1 and 100),
    authority_codes text[] not null check (cardinality(authority_codes) between 2 and 200),
    created_by      text not null,
    created_at      timestamptz not null default now()
);
alter table custom_group enable row level security;
create policy custom_group_readable on custom_group for select using (true);
create policy custom_group_by_region on custom_group for insert
    with check (region_code = current_setting('wfx.region', true));
grant select, insert on custom_group to ${appRole};
