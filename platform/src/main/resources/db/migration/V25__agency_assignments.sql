-- The agency assignment register: each assignment a council engages, as versions (a correction is a new version with
-- a reason, never an edit). The worker is a keyed pseudonym; the rules' verdicts at recording are kept with each
-- version, with the recorded sign-off of a cap breach and the reason for any rule not met.
create table agency_assignment (
    id                     uuid primary key,
    assignment_id          uuid not null,
    version                integer not null check (version >= 1),
    authority_code         text not null references authority (gss_code),
    worker_pseudonym       text not null,
    key_version            integer not null,
    role_type              text not null check (role_type in ('SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER',
                                                              'TEAM_MANAGER', 'IRO_OR_CP_CHAIR')),
    team                   text not null check (length(team) between 1 and 200),
    agency                 text not null check (length(agency) between 1 and 200),
    start_date             date not null,
    planned_end_date       date,
    actual_end_date        date,
    hourly_pay             numeric(8, 2) not null,
    employer_ni            numeric(8, 2) not null,
    apprenticeship_levy    numeric(8, 2) not null,
    holiday_pay            numeric(8, 2) not null,
    agency_charge          numeric(8, 2),
    notice_weeks           integer not null,
    project_team           boolean not null,
    project_approved_on    date,
    qualified_on           date,
    post_qualifying_months integer not null,
    engagement_id          uuid,
    verdicts               jsonb not null,
    exceptions             jsonb not null default '{}',
    sign_off               jsonb,
    reason                 text,
    recorded_by            text not null,
    recorded_at            timestamptz not null default now(),
    unique (assignment_id, version),
    check (version = 1 or reason is not null)
);
create index agency_assignment_of_authority on agency_assignment (authority_code, assignment_id, version desc);
alter table agency_assignment enable row level security;
create policy assignment_of_its_council on agency_assignment
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
grant select, insert on agency_assignment to ${appRole};

-- A region's compliance, per member and quarter: counts only, for the region's own users (wfx.region from the
-- verified token) — assignments active in the quarter, cap breaches and how many were signed off, cooling-off and other
-- rules not met (each with its recorded reason), and the capped cost of an hour summed over assignments.
create function agency_compliance(p_from date, p_to date)
    returns table (authority_code text, assignments bigint, cap_breaches bigint, signed_off bigint, cooling_off bigint,
                   exceptions bigint, hourly_cost numeric)
    language sql stable security definer set search_path = public as
$$
    with latest as (
        select distinct on (x.assignment_id) x.*
          from agency_assignment x
          join authority a on a.gss_code = x.authority_code
         where a.region_code = nullif(current_setting('wfx.region', true), '')
         order by x.assignment_id, x.version desc
    )
    select l.authority_code,
           count(*),
           count(*) filter (where exists (select 1 from jsonb_array_elements(l.verdicts) v
                                           where v->>'rule' = 'PRICE_CAP' and v->>'outcome' = 'NEEDS_SIGN_OFF')),
           count(*) filter (where l.sign_off is not null),
           count(*) filter (where exists (select 1 from jsonb_array_elements(l.verdicts) v
                                           where v->>'rule' = 'COOLING_OFF' and v->>'outcome' = 'FAIL')),
           count(*) filter (where l.exceptions <> '{}'::jsonb),
           sum(l.hourly_pay + l.employer_ni + l.apprenticeship_levy + l.holiday_pay)
      from latest l
     where l.start_date <= p_to and coalesce(l.actual_end_date, l.planned_end_date, p_to) >= p_from
     group by l.authority_code
$$;
revoke all on function agency_compliance(date, date) from public;
grant execute on function agency_compliance(date, date) to ${appRole};
