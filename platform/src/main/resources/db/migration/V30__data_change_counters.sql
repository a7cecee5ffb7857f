-- What has changed, as counters the benchmarks read instead of scanning tables on every request (issue 13).
-- One row per scope: 'return:<authority code>' for each authority whose returns changed (a version stored, a return
-- purged), and one per other table benchmarks are computed from. A counter only goes up and is bumped in the writing
-- transaction, so it is seen exactly when the change is: no replica reads a version newer than the data it stands for.
-- Only one authority's own writers touch its row, so councils uploading at once do not queue behind each other.
create table data_change (
    scope text primary key,
    n     bigint not null
);
-- no role but the owner reads or writes the table: the functions below are the only ways in (ADR 0002)
revoke all on data_change from public;

create function bump_data_change(changed text) returns void
    language sql security definer set search_path = public as
$$
    insert into data_change (scope, n) values (changed, 1)
        on conflict (scope) do update set n = data_change.n + 1
$$;
revoke all on function bump_data_change(text) from public;

create function data_change_of_return() returns trigger
    language plpgsql security definer set search_path = public as
$$
begin
    perform bump_data_change('return:' || coalesce(new.authority_code, old.authority_code));
    return null;
end
$$;
revoke all on function data_change_of_return() from public;

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
        execute format('create trigger %I after insert or update or delete or truncate on %I for each statement '
                       'execute function data_change_of_table()', t || '_changes', t);
    end loop;
end
$$;

-- The version every request compares: the day (windows close and memberships end with it) and the sum of the counters.
create or replace function benchmark_data_version()
    returns text language sql stable security definer set search_path = public as
$$
    select current_date::text || ':' || coalesce((select sum(n) from data_change), 0)::text
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

-- latest_returns() and released_returns() (V21) for some authorities only: what an incremental refresh reloads.
create function latest_returns_of(authorities text[])
    returns table (authority_code text, period_type text, period text, version integer, measure text, breakdown text,
                   value numeric, symbol text)
    language sql stable security definer set search_path = public as
$$
    select r.authority_code, r.period_type, r.period, r.version, v.measure, v.breakdown, v.value, v.symbol
      from (select distinct on (authority_code, period_type, period) id, authority_code, period_type, period, version
              from workforce_return
             where authority_code = any (authorities)
             order by authority_code, period_type, period, version desc) r
      join return_value v on v.return_id = r.id
$$;
revoke all on function latest_returns_of(text[]) from public;
grant execute on function latest_returns_of(text[]) to ${benchmarkRole};

create function released_returns_of(authorities text[])
    returns table (authority_code text, period_type text, period text, version integer, measure text, breakdown text,
                   value numeric, symbol text)
    language sql stable security definer set search_path = public as
$$
    with explicit as (
        select distinct on (rr.authority_code, pr.period_type, pr.period) rr.authority_code, pr.period_type, pr.period, rr.version
          from released_return rr join period_release pr on pr.id = rr.release_id
         where rr.authority_code = any (authorities)
         order by rr.authority_code, pr.period_type, pr.period, pr.revision desc),
    at_close as (
        select w.authority_code, w.period_type, w.period, max(w.version) as version
          from workforce_return w
          join authority a on a.gss_code = w.authority_code
          join submission_window s on s.region_code = a.region_code and s.period_type = w.period_type and s.period = w.period
         where w.authority_code = any (authorities)
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
      join return_value v on v.return_id = r.id
$$;
revoke all on function released_returns_of(text[]) from public;
grant execute on function released_returns_of(text[]) to ${benchmarkRole};

-- Counters for what is already there: each authority with returns has its row (a full load reads the returns of the
-- authorities with one), and a replica that loaded before this migration reloads once.
insert into data_change (scope, n) select distinct 'return:' || authority_code, 1 from workforce_return;
select bump_data_change('migration');
