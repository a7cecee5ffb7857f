-- How an assignment ended (issue 27): the engaging council says, when it ends one, whether the worker became its
-- permanent employee, it ended as planned, or early by the council or by the worker or agency. The region's supplier
-- scorecard counts each agency's conversions to permanent among the assignments ended in the quarter. The rest of the
-- scorecard is as V38.
alter table agency_assignment add column ended_how text
    check (ended_how in ('CONVERTED_TO_PERMANENT', 'AS_PLANNED', 'EARLY_BY_COUNCIL', 'EARLY_BY_WORKER_OR_AGENCY'));
alter table agency_assignment add constraint agency_assignment_ended_how_needs_end check (ended_how is null or actual_end_date is not null);

-- cooling-off not met is counted from the leavers as they stand, as the region's compliance view counts it (V43)
drop function agency_supplier_scorecard(date, date);
create function agency_supplier_scorecard(p_from date, p_to date)
    returns table (agency text, councils bigint, assignments bigint, cap_breaches bigint, notice_not_met bigint, cooling_off_not_met bigint,
                   exceptions bigint, mean_hourly_cost numeric, reviews bigint, reviews_below_good bigint, ended bigint,
                   converted_to_permanent bigint)
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
               count(*) filter (where started_inside_cooling_off(a.worker_pseudonym, (select code from region), a.start_date)) as cooling_off_not_met,
               count(*) filter (where a.exceptions <> '{}'::jsonb) as exceptions,
               round(avg(a.hourly_pay + a.employer_ni + a.apprenticeship_levy + a.holiday_pay), 2) as mean_hourly_cost,
               count(*) filter (where a.actual_end_date between p_from and p_to) as ended,
               count(*) filter (where a.actual_end_date between p_from and p_to and a.ended_how = 'CONVERTED_TO_PERMANENT')
                   as converted_to_permanent
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
           c.mean_hourly_cost, coalesce(r.reviews, 0), coalesce(r.reviews_below_good, 0), c.ended, c.converted_to_permanent
      from counts c
      join spelling s on s.agency_key = c.agency_key
      left join reviews r on r.agency_key = c.agency_key
     order by c.assignments desc, s.agency
$$;
revoke all on function agency_supplier_scorecard(date, date) from public;
grant execute on function agency_supplier_scorecard(date, date) to ${appRole};
