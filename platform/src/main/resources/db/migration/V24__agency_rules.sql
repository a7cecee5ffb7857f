-- Agency rules, first slice: permanent leavers (for cooling-off across a region, by pseudonym) and regional price caps.

-- A council records that a worker left a permanent post with it: the worker as a keyed pseudonym of their Social Work
-- England number (never the number), the day they left, the role, and whether the leaving was one the DfE guidance
-- exempts from cooling-off (redundancy, or leaving during probation). Only the recording council reads its rows.
create table agency_leaver (
    id               uuid primary key,
    authority_code   text not null references authority (gss_code),
    worker_pseudonym text not null,
    key_version      integer not null,
    left_on          date not null,
    role             text not null check (role in ('SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER',
                                                    'TEAM_MANAGER', 'IRO_OR_CP_CHAIR')),
    exemption        text check (exemption in ('REDUNDANCY', 'PROBATION')),
    recorded_by      text not null,
    recorded_at      timestamptz not null default now()
);
create index agency_leaver_worker on agency_leaver (worker_pseudonym);
alter table agency_leaver enable row level security;
create policy leaver_of_its_council on agency_leaver
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
grant select, insert on agency_leaver to ${appRole};

-- The last day of cooling-off for a worker the calling council (wfx.authority, set from the verified token) proposes
-- to engage from p_start: the latest of (left_on + the region's cooling-off months − 1 day) over the worker's
-- non-exempt permanent leavings from the same council or any council of the same region, where that day is on or after
-- p_start; null when none applies. Only the date crosses the authority line: never which council, when or why.
create function cooling_off_until(p_pseudonym text, p_start date)
    returns date language sql stable security definer set search_path = public as
$$
    with engaging as (
        select a.gss_code, a.region_code from authority a
         where a.gss_code = nullif(current_setting('wfx.authority', true), '')
    ), months as (
        select t.cooling_off_months from engaging e join memorandum_terms t on t.region_code = e.region_code
         where t.effective_from <= p_start order by t.effective_from desc, t.version desc limit 1
    )
    select max(l.left_on + make_interval(months => m.cooling_off_months) - interval '1 day')::date
      from agency_leaver l
      join authority a on a.gss_code = l.authority_code
      join engaging e on a.gss_code = e.gss_code or a.region_code = e.region_code
      cross join months m
     where l.worker_pseudonym = p_pseudonym
       and l.exemption is null
       and m.cooling_off_months > 0
       and (l.left_on + make_interval(months => m.cooling_off_months) - interval '1 day')::date >= p_start
$$;
revoke all on function cooling_off_until(text, date) from public;
grant execute on function cooling_off_until(text, date) to ${appRole};

-- A region's price caps per role type: the most an hour's agency work may cost the council in pay, employer's National
-- Insurance, apprenticeship levy and holiday pay together. Versioned by effective dates; set by the region's
-- administrator; readable by everyone (a region's agreed caps are not secret).
create table agency_price_cap (
    id             uuid primary key,
    region_code    text not null references region (code),
    role_type      text not null check (role_type in ('SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER',
                                                      'TEAM_MANAGER', 'IRO_OR_CP_CHAIR')),
    hourly_cap     numeric(8, 2) not null check (hourly_cap > 0 and hourly_cap < 1000),
    effective_from date not null,
    source         text not null check (length(source) between 1 and 500),
    set_by         text not null,
    set_at         timestamptz not null default now(),
    unique (region_code, role_type, effective_from)
);
alter table agency_price_cap enable row level security;
create policy cap_readable on agency_price_cap for select using (true);
create policy cap_set_by_its_region on agency_price_cap for insert
    with check (region_code = current_setting('wfx.region', true));
grant select, insert on agency_price_cap to ${appRole};
