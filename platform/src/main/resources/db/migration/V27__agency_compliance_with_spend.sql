-- The region's compliance view gains the members' agency spend in the quarter: the sum of agency_spend over the monthly
-- returns (each month's current version) dated in the quarter, and how many of its three months gave a figure, so a sum
-- over fewer months is never read as the quarter's. Two doors onto one internal function that no role may call:
-- agency_compliance for the region's own users (wfx.region from the token), every member named; and
-- agency_compliance_anonymised for a council's users (wfx.authority), their region's members with only their own council
-- named, in an order that says nothing (the application then suppresses small counts as benchmarks do).
drop function agency_compliance(date, date);
create function agency_compliance_in(p_region text, p_from date, p_to date)
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
               count(*) filter (where exists (select 1 from jsonb_array_elements(l.verdicts) v
                                               where v->>'rule' = 'PRICE_CAP' and v->>'outcome' = 'NEEDS_SIGN_OFF')) as cap_breaches,
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
revoke all on function agency_compliance_in(text, date, date) from public;

create function agency_compliance(p_from date, p_to date)
    returns table (authority_code text, assignments bigint, cap_breaches bigint, signed_off bigint, cooling_off bigint,
                   exceptions bigint, hourly_cost numeric, agency_spend numeric, spend_months bigint)
    language sql stable security definer set search_path = public as
$$
    select * from agency_compliance_in(nullif(current_setting('wfx.region', true), ''), p_from, p_to)
$$;
revoke all on function agency_compliance(date, date) from public;
grant execute on function agency_compliance(date, date) to ${appRole};

create function agency_compliance_anonymised(p_from date, p_to date)
    returns table (you boolean, authority_code text, assignments bigint, cap_breaches bigint, signed_off bigint, cooling_off bigint,
                   exceptions bigint, agency_spend numeric, spend_months bigint)
    language sql stable security definer set search_path = public as
$$
    select c.authority_code = me.gss_code,
           case when c.authority_code = me.gss_code then c.authority_code end,
           c.assignments, c.cap_breaches, c.signed_off, c.cooling_off, c.exceptions, c.agency_spend, c.spend_months
      from authority me
      cross join lateral agency_compliance_in(me.region_code, p_from, p_to) c
     where me.gss_code = nullif(current_setting('wfx.authority', true), '')
     order by md5(c.authority_code || p_from::text)
$$;
revoke all on function agency_compliance_anonymised(date, date) from public;
grant execute on function agency_compliance_anonymised(date, date) to ${appRole};
