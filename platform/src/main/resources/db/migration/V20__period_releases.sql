-- Breakdowns derived from returns reach anyone outside the submitting authority only once the period is released,
-- and then as a snapshot, so that watching a live regional total change as one council's return arrives reveals
-- nothing. A period is released for a region when its submission window has closed (the snapshot is then each
-- authority's latest version submitted by the end of the due day) or when the region administrator releases it
-- (the snapshot is each authority's latest version at that moment). Releasing again makes a new revision: a
-- correction submitted after a release appears at the next release, marked as a revision.
create table period_release (
    id          bigint generated always as identity primary key,
    region_code text not null references region (code),
    period_type text not null check (period_type in ('MONTH', 'QUARTER', 'CENSUS_YEAR')),
    period      text not null,
    revision    integer not null check (revision >= 1),
    released_at timestamptz not null default now(),
    released_by text not null,
    unique (region_code, period_type, period, revision)
);

-- Which version of each authority's return a release holds (return versions never change once accepted).
create table released_return (
    release_id     bigint not null references period_release (id),
    authority_code text not null references authority (gss_code),
    version        integer not null,
    revised        boolean not null,
    primary key (release_id, authority_code)
);

alter table period_release enable row level security;
create policy release_readable on period_release for select using (true);
grant select on period_release to ${appRole};
alter table released_return enable row level security;
create policy released_return_readable on released_return for select using (true);
grant select on released_return to ${appRole};

-- Releases the caller's region's returns for a period: only as a region's administrator (wfx.region set by the
-- service from the verified token). Runs as the owner because it must see every authority's latest version.
create function release_period(p_period_type text, p_period text, p_actor text)
    returns table (release_id bigint, revision integer, authorities integer, revised integer)
    language plpgsql security definer set search_path = public as
$$
declare
    v_region text := nullif(current_setting('wfx.region', true), '');
    v_release bigint;
    v_revision integer;
begin
    if v_region is null then
        raise exception 'release_period: only a region administrator may release a period' using errcode = '42501';
    end if;
    perform pg_advisory_xact_lock(hashtext('period_release:' || v_region || ':' || p_period_type || ':' || p_period));
    select coalesce(max(r.revision), 0) + 1 into v_revision
      from period_release r where r.region_code = v_region and r.period_type = p_period_type and r.period = p_period;
    insert into period_release (region_code, period_type, period, revision, released_by)
    values (v_region, p_period_type, p_period, v_revision, p_actor) returning id into v_release;
    insert into released_return (release_id, authority_code, version, revised)
    select v_release, w.authority_code, max(w.version),
           coalesce(max(w.version) <> (select rr.version from released_return rr join period_release pr on pr.id = rr.release_id
                                        where pr.region_code = v_region and pr.period_type = p_period_type
                                          and pr.period = p_period and pr.revision = v_revision - 1
                                          and rr.authority_code = w.authority_code), v_revision > 1)
      from workforce_return w join authority a on a.gss_code = w.authority_code
     where a.region_code = v_region and w.period_type = p_period_type and w.period = p_period
     group by w.authority_code;
    return query select v_release, v_revision, (select count(*)::integer from released_return x where x.release_id = v_release),
                        (select count(*)::integer from released_return x where x.release_id = v_release and x.revised);
end
$$;
revoke all on function release_period(text, text, text) from public;
grant execute on function release_period(text, text, text) to ${appRole};

-- The census-year figures as released: for each authority and period, the version of the newest release of its
-- region, else (if the region's submission window for the period has closed) its newest version submitted by the
-- end of the due day; nothing for a period not yet released. For the benchmark reader role only, like
-- latest_census_returns().
create function released_census_returns()
    returns table (authority_code text, period text, version integer, measure text, breakdown text, value numeric, symbol text)
    language sql stable security definer set search_path = public as
$$
    with explicit as (
        select distinct on (rr.authority_code, pr.period) rr.authority_code, pr.period, rr.version
          from released_return rr join period_release pr on pr.id = rr.release_id
         where pr.period_type = 'CENSUS_YEAR'
         order by rr.authority_code, pr.period, pr.revision desc),
    at_close as (
        select w.authority_code, w.period, max(w.version) as version
          from workforce_return w
          join authority a on a.gss_code = w.authority_code
          join submission_window s on s.region_code = a.region_code and s.period_type = w.period_type and s.period = w.period
         where w.period_type = 'CENSUS_YEAR' and s.due_on < current_date and w.submitted_at < (s.due_on + 1)::timestamptz
         group by w.authority_code, w.period),
    chosen as (
        select coalesce(e.authority_code, c.authority_code) as authority_code, coalesce(e.period, c.period) as period,
               coalesce(e.version, c.version) as version
          from explicit e full join at_close c on c.authority_code = e.authority_code and c.period = e.period)
    select r.authority_code, r.period, r.version, v.measure, v.breakdown, v.value, v.symbol
      from chosen ch
      join workforce_return r on r.authority_code = ch.authority_code and r.period_type = 'CENSUS_YEAR'
                             and r.period = ch.period and r.version = ch.version
      join return_value v on v.return_id = r.id
$$;
revoke all on function released_census_returns() from public;
grant execute on function released_census_returns() to ${benchmarkRole};

-- Cached benchmarks are valid while releases and submission windows are unchanged too (a window closing is a
-- date passing: the version includes the date).
create or replace function benchmark_data_version()
    returns text language sql stable security definer set search_path = public as
$$
    select coalesce((select max(id)::text from published_import), '0') || ':' ||
           coalesce((select max(submitted_at)::text from workforce_return), '-') || ':' ||
           coalesce((select count(*)::text from workforce_return), '0') || ':' ||
           coalesce((select max(id)::text || '/' || count(*)::text || '/' || count(effective_to)::text
                       from memorandum_membership), '0') || ':' ||
           coalesce((select max(recorded_at)::text from memorandum_terms), '-') || ':' ||
           coalesce((select max(greatest(recorded_at, withdrawn_at))::text || '/' || count(*)::text from memorandum_target), '-') || ':' ||
           coalesce((select max(id)::text from period_release), '0') || ':' ||
           coalesce((select max(set_at)::text || '/' || count(*)::text from submission_window), '-') || ':' ||
           current_date::text
$$;
