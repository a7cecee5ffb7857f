-- The statutory cooling-off (DfE's agency rules): no agency engagement within 3 months of leaving a permanent post in
-- the same council or any council of the same region. A memorandum may lengthen it (the London Pledge's 6 months),
-- never shorten it, and it applies where a region has no memorandum terms at all. cooling_off_until now takes the
-- longer of 3 months and the terms in force on the start date (issue 27).
create or replace function cooling_off_until(p_pseudonym text, p_start date)
    returns date language sql stable security definer set search_path = public as
$$
    with engaging as (
        select a.gss_code, a.region_code from authority a
         where a.gss_code = nullif(current_setting('wfx.authority', true), '')
    ), terms as (
        select t.cooling_off_months from engaging e join memorandum_terms t on t.region_code = e.region_code
         where t.effective_from <= p_start order by t.effective_from desc, t.version desc limit 1
    ), months as (
        select greatest(3, coalesce((select cooling_off_months from terms), 3)) as cooling_off_months
    )
    select max(l.left_on + make_interval(months => m.cooling_off_months) - interval '1 day')::date
      from agency_leaver l
      join authority a on a.gss_code = l.authority_code
      join engaging e on a.gss_code = e.gss_code or a.region_code = e.region_code
      cross join months m
     where l.worker_pseudonym = p_pseudonym
       and l.exemption is null
       and (l.left_on + make_interval(months => m.cooling_off_months) - interval '1 day')::date >= p_start
$$;
