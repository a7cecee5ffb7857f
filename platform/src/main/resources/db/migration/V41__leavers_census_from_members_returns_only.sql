-- The region reads a council's own census return only while the council is a member of its memorandum, as the
-- visibility policy says: for a council of the region outside the memorandum, the census figure is DfE's published
-- one (V39 read any council of the region's return).
create or replace function agency_leavers_against_census(p_year integer)
    returns table (authority_code text, recorded bigint, census numeric, census_source text)
    language sql stable security definer set search_path = public as
$$
    with members as (
        select a.gss_code from authority a where a.region_code = nullif(current_setting('wfx.region', true), '')
    ),
    recorded as (
        select l.authority_code, count(*) as recorded
          from agency_leaver l
         where l.authority_code in (select gss_code from members)
           and l.left_on between make_date(p_year - 1, 10, 1) and make_date(p_year, 9, 30)
         group by l.authority_code
    ),
    returned as (
        select distinct on (r.authority_code) r.authority_code, v.value
          from workforce_return r
          join return_value v on v.return_id = r.id and v.measure = 'leavers_headcount' and v.breakdown = ''
         where r.period_type = 'CENSUS_YEAR' and r.period = p_year::text and r.authority_code in (select gss_code from members)
           and exists (select 1 from memorandum_membership mm
                        where mm.authority_code = r.authority_code
                          and mm.region_code = nullif(current_setting('wfx.region', true), '')
                          and membership_in_force(mm.effective_from, mm.effective_to, current_date))
         order by r.authority_code, r.version desc
    ),
    published as (
        select s.area_code as authority_code, s.value
          from published_statistic s
         where s.measure = 'leavers_headcount' and s.time_period = p_year::text and s.geographic_level = 'Local authority'
           and s.area_code in (select gss_code from members)
    )
    select m.gss_code, coalesce(rec.recorded, 0),
           coalesce(ret.value, pub.value),
           case when ret.value is not null then 'RETURN' when pub.value is not null then 'DFE' else null end
      from members m
      left join recorded rec on rec.authority_code = m.gss_code
      left join returned ret on ret.authority_code = m.gss_code
      left join published pub on pub.authority_code = m.gss_code
     order by m.gss_code
$$;
