-- Monthly and quarterly returns are benchmarked for their own periods, like census years: the benchmark reader's
-- two functions now answer for every period type (and say which), instead of census years only.
drop function latest_census_returns();
drop function released_census_returns();

create function latest_returns()
    returns table (authority_code text, period_type text, period text, version integer, measure text, breakdown text,
                   value numeric, symbol text)
    language sql stable security definer set search_path = public as
$$
    select r.authority_code, r.period_type, r.period, r.version, v.measure, v.breakdown, v.value, v.symbol
      from (select distinct on (authority_code, period_type, period) id, authority_code, period_type, period, version
              from workforce_return
             order by authority_code, period_type, period, version desc) r
      join return_value v on v.return_id = r.id
$$;
revoke all on function latest_returns() from public;
grant execute on function latest_returns() to ${benchmarkRole};

-- As released to those outside each authority (V20): the newest release of its region, else the newest version
-- submitted by the end of the due day of a closed submission window; nothing for a period not yet released.
create function released_returns()
    returns table (authority_code text, period_type text, period text, version integer, measure text, breakdown text,
                   value numeric, symbol text)
    language sql stable security definer set search_path = public as
$$
    with explicit as (
        select distinct on (rr.authority_code, pr.period_type, pr.period) rr.authority_code, pr.period_type, pr.period, rr.version
          from released_return rr join period_release pr on pr.id = rr.release_id
         order by rr.authority_code, pr.period_type, pr.period, pr.revision desc),
    at_close as (
        select w.authority_code, w.period_type, w.period, max(w.version) as version
          from workforce_return w
          join authority a on a.gss_code = w.authority_code
          join submission_window s on s.region_code = a.region_code and s.period_type = w.period_type and s.period = w.period
         where s.due_on < current_date and w.submitted_at < (s.due_on + 1)::timestamptz
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
revoke all on function released_returns() from public;
grant execute on function released_returns() to ${benchmarkRole};
