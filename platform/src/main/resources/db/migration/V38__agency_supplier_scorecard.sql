-- A supplier scorecard for the region (issue 27): per agency supplying the region's members in a period, how many
-- assignments, how many over the region's cap in force on their start date, notice and cooling-off not met, exceptions,
-- the mean cost an hour, and the end-of-placement reviews written about its workers (and how many rated any area of
-- practice as requiring improvement or inadequate). Counts only: no council, no worker. Agencies are grouped by their
-- name as typed, ignoring case and spacing; the most used spelling names the group. For the region in the caller's
-- token only (security definer, like agency_compliance).
create function agency_supplier_scorecard(p_from date, p_to date)
    returns table (agency text, councils bigint, assignments bigint, cap_breaches bigint, notice_not_met bigint, cooling_off_not_met bigint,
                   exceptions bigint, mean_hourly_cost numeric, reviews bigint, reviews_below_good bigint)
    language sql stable security definer set search_path = public as
$$
    with region as (
        select nullif(current_setting('wfx.region', true), '') as code
    ),
    members as (
        select a.gss_code from authority a, region r where a.region_code = r.code
    ),
    latest as (
        select distinct on (x.assignment_id) x.*, lower(regexp_replace(trim(x.agency), '\s+', ' ', 'g')) as agency_key
          from agency_assignment x
         where x.authority_code in (select gss_code from members)
         order by x.assignment_id, x.version desc
    ),
    active as (
        select l.* from latest l
         where l.start_date <= p_to and coalesce(l.actual_end_date, l.planned_end_date, p_to) >= p_from
    ),
    spelling as (
        select distinct on (agency_key) agency_key, trim(agency) as agency
          from active group by agency_key, trim(agency) order by agency_key, count(*) desc, trim(agency)
    ),
    counts as (
        select a.agency_key,
               count(distinct a.authority_code) as councils,
               count(*) as assignments,
               count(*) filter (where (a.hourly_pay + a.employer_ni + a.apprenticeship_levy + a.holiday_pay) > (
                                   select c.hourly_cap from agency_price_cap c, region r
                                    where c.region_code = r.code and c.role_type = a.role_type and c.effective_from <= a.start_date
                                    order by c.effective_from desc limit 1)) as cap_breaches,
               count(*) filter (where exists (select 1 from jsonb_array_elements(a.verdicts) v
                                               where v->>'rule' = 'NOTICE' and v->>'outcome' = 'FAIL')) as notice_not_met,
               count(*) filter (where exists (select 1 from jsonb_array_elements(a.verdicts) v
                                               where v->>'rule' = 'COOLING_OFF' and v->>'outcome' = 'FAIL')) as cooling_off_not_met,
               count(*) filter (where a.exceptions <> '{}'::jsonb) as exceptions,
               round(avg(a.hourly_pay + a.employer_ni + a.apprenticeship_levy + a.holiday_pay), 2) as mean_hourly_cost
          from active a
         group by a.agency_key
    ),
    reviews as (
        select lower(regexp_replace(trim(p.content->>'agency'), '\s+', ' ', 'g')) as agency_key,
               count(*) as reviews,
               count(*) filter (where exists (select 1 from jsonb_each_text(p.content->'practice') r
                                               where r.value in ('REQUIRES_IMPROVEMENT', 'INADEQUATE'))) as reviews_below_good
          from placement_review p
         where p.engaging_authority in (select gss_code from members)
           and (p.content->>'endDate')::date between p_from and p_to
         group by 1
    )
    select s.agency, c.councils, c.assignments, c.cap_breaches, c.notice_not_met, c.cooling_off_not_met, c.exceptions,
           c.mean_hourly_cost, coalesce(r.reviews, 0), coalesce(r.reviews_below_good, 0)
      from counts c
      join spelling s on s.agency_key = c.agency_key
      left join reviews r on r.agency_key = c.agency_key
     order by c.assignments desc, s.agency
$$;
revoke all on function agency_supplier_scorecard(date, date) from public;
grant execute on function agency_supplier_scorecard(date, date) to ${appRole};
