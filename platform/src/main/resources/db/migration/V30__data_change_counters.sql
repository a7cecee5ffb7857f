-- What has changed, as counters the benchmarks read instead of scanning tables on every request (issue 13).
-- data_change: one row per scope, 'return:<authority code>:<period type>' for an authority's returns of a type (a
-- census-year dashboard does not depend on monthly returns), and one per other table benchmarks are computed from.
-- A counter only goes up and is bumped in the writing transaction, so it is seen exactly when the change is: no
-- replica reads a version newer than the data it stands for. Only an authority's own writers touch its rows, so
-- councils uploading at once do not queue behind each other.
-- data_change_period: for each period of an authority's returns, the value its scope's counter took when the period
-- last changed. Changes of one scope are serialised by its row's lock, so "the periods changed since counter n" is
-- exact: a refresh reads again only those periods' returns.
create table data_change (
    scope text primary key,
    n     bigint not null
);
create table data_change_period (
    authority_code text not null,
    period_type    text not null,
    period         text not null,
    changed_at     bigint not null,
    primary key (authority_code, period_type, period)
);
-- no role but the owner reads or writes these tables: the functions below are the only ways in (ADR 0002)
revoke all on data_change from public;
revoke all on data_change_period from public;

create function bump_data_change(changed text) returns bigint
    language sql security definer set search_path = public as
$$
    insert into data_change (scope, n) values (changed, 1)
        on conflict (scope) do update set n = data_change.n + 1
    returning n
$$;
revoke all on function bump_data_change(text) from public;

create function data_change_of_return() returns trigger
    language plpgsql security definer set search_path = public as
$$
declare
    changed bigint;
    r workforce_return;
begin
    r := coalesce(new, old);
    changed := bump_data_change('return:' || r.authority_code || ':' || r.period_type);
    insert into data_change_period (authority_code, period_type, period, changed_at)
         values (r.authority_code, r.period_type, r.period, changed)
        on conflict (authority_code, period_type, period) do update set changed_at = excluded.changed_at;
    return null;
end
$$;
revoke all on function data_change_of_return() from public;

-- A table's scope moves when a statement changed a row of it (a purge deleting nothing moves nothing), or emptied it.
create function data_change_of_rows() returns trigger
    language plpgsql security definer set search_path = public as
$$
begin
    if exists (select 1 from changed_rows) then
        perform bump_data_change(tg_table_name);
    end if;
    return null;
end
$$;
revoke all on function data_change_of_rows() from public;

create function data_change_of_table() returns trigger
    language plpgsql security definer set search_path = public as
$$
begin
    perform bump_data_change(tg_table_name);
    return null;
end
$$;
revoke all on function data_change_of_table() from public;

create trigger workforce_return_changes after insert or update or delete on workforce_return
    for each row execute function data_change_of_return();
-- emptied at once (tests do this between cases): no one authority, so everything reloads
create trigger workforce_return_truncated after truncate on workforce_return
    for each statement execute function data_change_of_table();

do $$
declare
    t text;
begin
    foreach t in array array['published_import', 'published_statistic', 'memorandum_membership', 'memorandum_terms',
                             'memorandum_target', 'period_release', 'released_return', 'submission_window', 'custom_group'] loop
        -- a trigger with transition tables takes one event, so one trigger for each
        execute format('create trigger %I after insert on %I referencing new table as changed_rows for each statement '
                       'execute function data_change_of_rows()', t || '_inserts', t);
        execute format('create trigger %I after update on %I referencing new table as changed_rows for each statement '
                       'execute function data_change_of_rows()', t || '_updates', t);
        execute format('create trigger %I after delete on %I referencing old table as changed_rows for each statement '
                       'execute function data_change_of_rows()', t || '_deletes', t);
        execute format('create trigger %I after truncate on %I for each statement execute function data_change_of_table()',
                       t || '_truncated', t);
    end loop;
end
$$;

-- The version every request compares: the day (windows close and memberships end with it), then the sums of the
-- counters of everything but returns, of census-year returns, of quarterly and of monthly returns. A census-year
-- dashboard needs reading again only when the first three move, not for every monthly return.
create or replace function benchmark_data_version()
    returns text language sql stable security definer set search_path = public as
$$
    select current_date::text
           || ':' || coalesce(sum(n) filter (where scope not like 'return:%'), 0)::text
           || ':' || coalesce(sum(n) filter (where scope like 'return:%:CENSUS\_YEAR'), 0)::text
           || ':' || coalesce(sum(n) filter (where scope like 'return:%:QUARTER'), 0)::text
           || ':' || coalesce(sum(n) filter (where scope like 'return:%:MONTH'), 0)::text
      from data_change
$$;
grant execute on function benchmark_data_version() to ${benchmarkRole};

-- The counters themselves, for the benchmark reader to see which authorities' returns changed since its last load.
create function benchmark_data_changes()
    returns table (scope text, n bigint) language sql stable security definer set search_path = public as
$$
    select scope, n from data_change
$$;
revoke all on function benchmark_data_changes() from public;
grant execute on function benchmark_data_changes() to ${benchmarkRole};

-- The periods of each scope (authorities[i], period_types[i]) changed since its counter was since[i]: what an
-- incremental refresh reads again. The functions here are PL/pgSQL, so each session plans a query once (a SQL function
-- is planned at every call: 2 ms of planning for 0.4 of work).
create function benchmark_periods_changed(authorities text[], period_types text[], since bigint[])
    returns table (authority_code text, period_type text, period text)
    language plpgsql stable security definer set search_path = public as
$$
#variable_conflict use_column
begin
    return query
    select d.authority_code, d.period_type, d.period
      from unnest(authorities, period_types, since) as s(a, t, n)
      join data_change_period d on d.authority_code = s.a and d.period_type = s.t and d.changed_at > s.n;
end
$$;
revoke all on function benchmark_periods_changed(text[], text[], bigint[]) from public;
grant execute on function benchmark_periods_changed(text[], text[], bigint[]) to ${benchmarkRole};

-- latest_returns() and released_returns() (V21) for some periods of some authorities only (authorities[i],
-- period_types[i], periods[i]). Each chosen return's figures are read by their key (lateral, with offset 0 so it is not
-- flattened into a join), whatever the statistics say: a refresh reads a few returns of a table that may be growing
-- fast, and a hash join over every figure planned from stale statistics cost 10 ms where this costs 0.5.
create function latest_returns_of(authorities text[], period_types text[], periods text[])
    returns table (authority_code text, period_type text, period text, version integer, measure text, breakdown text,
                   value numeric, symbol text)
    language plpgsql stable security definer set search_path = public as
$$
#variable_conflict use_column
begin
    return query
    select r.authority_code, r.period_type, r.period, r.version, v.measure, v.breakdown, v.value, v.symbol
      from unnest(authorities, period_types, periods) as s(a, t, p)
      cross join lateral (select w.id, w.authority_code, w.period_type, w.period, w.version from workforce_return w
                           where w.authority_code = s.a and w.period_type = s.t and w.period = s.p
                           order by w.version desc limit 1) r
      cross join lateral (select x.measure, x.breakdown, x.value, x.symbol from return_value x where x.return_id = r.id offset 0) v;
end
$$;
revoke all on function latest_returns_of(text[], text[], text[]) from public;
grant execute on function latest_returns_of(text[], text[], text[]) to ${benchmarkRole};

create function released_returns_of(authorities text[], period_types text[], periods text[])
    returns table (authority_code text, period_type text, period text, version integer, measure text, breakdown text,
                   value numeric, symbol text)
    language plpgsql stable security definer set search_path = public as
$$
#variable_conflict use_column
begin
    return query
    with wanted as (select s.a, s.t, s.p from unnest(authorities, period_types, periods) as s(a, t, p)),
    explicit as (
        select distinct on (rr.authority_code, pr.period_type, pr.period) rr.authority_code, pr.period_type, pr.period, rr.version
          from released_return rr join period_release pr on pr.id = rr.release_id
         where (rr.authority_code, pr.period_type, pr.period) in (select a, t, p from wanted)
         order by rr.authority_code, pr.period_type, pr.period, pr.revision desc),
    at_close as (
        select w.authority_code, w.period_type, w.period, max(w.version) as version
          from workforce_return w
          join authority au on au.gss_code = w.authority_code
          join submission_window s on s.region_code = au.region_code and s.period_type = w.period_type and s.period = w.period
         where (w.authority_code, w.period_type, w.period) in (select a, t, p from wanted)
           and s.due_on < current_date and w.submitted_at < (s.due_on + 1)::timestamptz
         group by w.authority_code, w.period_type, w.period),
    chosen as (
        select coalesce(e.authority_code, c.authority_code) as authority_code, coalesce(e.period_type, c.period_type) as period_type,
               coalesce(e.period, c.period) as period, coalesce(e.version, c.version) as version
          from explicit e full join at_close c
            on c.authority_code = e.authority_code and c.period_type = e.period_type and c.period = e.period)
    select r.authority_code, r.period_type, r.period, r.version, v.measure, v.breakdown, v.value, v.symbol
      from chosen ch
      join workforce_return r on r.authority_code = ch.authority_code and r.period_type = ch.period_type
                             and r.period = ch.period and r.version = ch.version
      cross join lateral (select x.measure, x.breakdown, x.value, x.symbol from return_value x where x.return_id = r.id offset 0) v;
end
$$;
revoke all on function released_returns_of(text[], text[], text[]) from public;
grant execute on function released_returns_of(text[], text[], text[]) to ${benchmarkRole};

-- Counters for what is already there: each authority with returns has its row (a full load reads the returns of the
-- authorities with one), and a replica that loaded before this migration reloads once.
insert into data_change (scope, n) select distinct 'return:' || authority_code || ':' || period_type, 1 from workforce_return;
insert into data_change_period (authority_code, period_type, period, changed_at)
     select distinct authority_code, period_type, period, 1 from workforce_return;
select bump_data_change('migration');
