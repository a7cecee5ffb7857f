-- How far "no cooling-off applies" can be trusted (issue 27): cooling-off is known only from the leavers councils
-- record. For the engaging council's region, the permanent leavers its councils recorded in the 12 months to a day,
-- beside the permanent leavers DfE's latest census counted in its councils in a year. Totals over the region only,
-- never per council; the caller shows them as a rounded share and only where at least 3 councils have a census figure,
-- so no council's own recording can be recovered by subtraction.
create function agency_leaver_coverage(p_today date)
    returns table (census_year integer, census numeric, councils integer, recorded bigint)
    language sql stable security definer set search_path = public as
$$
    with engaging as (
        select a.region_code from authority a
         where a.gss_code = nullif(current_setting('wfx.authority', true), '')
    ), councils as (
        select a.gss_code from authority a join engaging e on a.region_code = e.region_code
    ), latest as (
        select max(s.time_period) as time_period
          from published_statistic s
         where s.measure = 'leavers_headcount' and s.geographic_level = 'Local authority'
           and s.area_code in (select gss_code from councils) and s.time_period ~ '^\d{4}$'
    ), census as (
        select l.time_period::integer as census_year, sum(s.value) as census, count(*)::integer as councils
          from latest l
          join published_statistic s on s.time_period = l.time_period
         where s.measure = 'leavers_headcount' and s.geographic_level = 'Local authority'
           and s.area_code in (select gss_code from councils) and s.value is not null
         group by l.time_period
    )
    select c.census_year, c.census, c.councils,
           (select count(*) from agency_leaver r
             where r.authority_code in (select gss_code from councils)
               and r.left_on > p_today - interval '12 months' and r.left_on <= p_today)
      from census c
$$;

revoke all on function agency_leaver_coverage(date) from public;
grant execute on function agency_leaver_coverage(date) to ${appRole};
