-- Verdicts follow the facts (issue 27), for cooling-off too: the region's view counts assignments that started inside
-- cooling-off from the permanent leavers as they are now recorded (a leaving a member records after the assignment
-- was, included), for the cooling-off in force on each start date, as the register re-judges them; no longer from the
-- verdict stored at recording. Every council of a region is in one region, so "the same council or any council of the
-- same region" is the region. A leaving after the assignment began cannot put its start inside cooling-off: neither
-- the region's count nor cooling_off_until counts it (before, a permanent post left months into an agency assignment
-- failed the assignment when it was judged again). The rest is as V36.
-- Whether a worker started an assignment on a day inside cooling-off from a permanent post they left at a council of
-- the region (not exempt, left on or before that day), for the cooling-off in force then: never less than the
-- statutory 3 months. One definition for the region's compliance view and its supplier scorecard (V45); called only
-- from inside those SECURITY DEFINER functions (no role may call it itself).
create function started_inside_cooling_off(p_pseudonym text, p_region text, p_start date)
    returns boolean language sql stable set search_path = public as
$$
    select exists (
        select 1 from agency_leaver lv
          join authority left_from on left_from.gss_code = lv.authority_code
         where lv.worker_pseudonym = p_pseudonym
           and lv.exemption is null
           and left_from.region_code = p_region
           and lv.left_on <= p_start
           and (lv.left_on + make_interval(months => greatest(3, coalesce((
                   select t.cooling_off_months from memorandum_terms t
                    where t.region_code = p_region and t.effective_from <= p_start
                    order by t.effective_from desc, t.version desc limit 1), 3)))
                - interval '1 day')::date >= p_start)
$$;
revoke all on function started_inside_cooling_off(text, text, date) from public;

create or replace function agency_compliance_in(p_region text, p_from date, p_to date)
    returns table (authority_code text, assignments bigint, cap_breaches bigint, signed_off bigint, cooling_off bigint,
                   exceptions bigint, hourly_cost numeric, agency_spend numeric, spend_months bigint)
    language sql stable set search_path = public as
$$
    with members as (
        select a.gss_code from authority a where a.region_code = p_region
    ),
    latest as (
        select distinct on (x.assignment_id) x.*
          from agency_assignment x
         where x.authority_code in (select gss_code from members)
         order by x.assignment_id, x.version desc
    ),
    assignment_counts as (
        select l.authority_code,
               count(*) as assignments,
               count(*) filter (where (l.hourly_pay + l.employer_ni + l.apprenticeship_levy + l.holiday_pay) > (
                                   select c.hourly_cap from agency_price_cap c
                                    where c.region_code = p_region and c.role_type = l.role_type and c.effective_from <= l.start_date
                                    order by c.effective_from desc limit 1)) as cap_breaches,
               count(*) filter (where l.sign_off is not null) as signed_off,
               count(*) filter (where started_inside_cooling_off(l.worker_pseudonym, p_region, l.start_date)) as cooling_off,
               count(*) filter (where l.exceptions <> '{}'::jsonb) as exceptions,
               sum(l.hourly_pay + l.employer_ni + l.apprenticeship_levy + l.holiday_pay) as hourly_cost
          from latest l
         where l.start_date <= p_to and coalesce(l.actual_end_date, l.planned_end_date, p_to) >= p_from
         group by l.authority_code
    ),
    current_months as (
        select distinct on (r.authority_code, r.period) r.id, r.authority_code
          from workforce_return r
         where r.period_type = 'MONTH'
           and r.authority_code in (select gss_code from members)
           and to_date(r.period || '-01', 'YYYY-MM-DD') between date_trunc('month', p_from)::date and p_to
         order by r.authority_code, r.period, r.version desc
    ),
    spend as (
        select m.authority_code, sum(v.value) as agency_spend, count(v.value) as spend_months
          from current_months m
          join return_value v on v.return_id = m.id and v.measure = 'agency_spend' and v.breakdown = ''
         group by m.authority_code
    )
    select coalesce(c.authority_code, s.authority_code),
           coalesce(c.assignments, 0), coalesce(c.cap_breaches, 0), coalesce(c.signed_off, 0), coalesce(c.cooling_off, 0),
           coalesce(c.exceptions, 0), coalesce(c.hourly_cost, 0), s.agency_spend, coalesce(s.spend_months, 0)
      from assignment_counts c
      full join spend s on s.authority_code = c.authority_code
$$;

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
       and l.left_on <= p_start
       and (l.left_on + make_interval(months => m.cooling_off_months) - interval '1 day')::date >= p_start
$$;
