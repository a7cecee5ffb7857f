-- Verdicts follow the facts (issue 27): a cap the region records after an assignment was recorded still judges it, for
-- the cap in force on its start date. The region's view counts cap breaches from the caps as they now stand, not from
-- the verdict stored when the assignment was recorded (which the register keeps as history). The rest is as V27.
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
               count(*) filter (where exists (select 1 from jsonb_array_elements(l.verdicts) v
                                               where v->>'rule' = 'COOLING_OFF' and v->>'outcome' = 'FAIL')) as cooling_off,
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
