-- Planning scenarios a workforce planner names and saves: changes to the baseline forecast (turnover, newly qualified
-- intake, agency conversion, caseload target). A scenario belongs to the planner's authority, or to the region for a
-- regional planner, and only they can read it: the tenant comes from the verified token (wfx.authority, wfx.region).
create table forecast_scenario (
    id                          uuid primary key,
    authority_code              text references authority (gss_code),
    region_code                 text references region (code),
    name                        text not null check (length(name) between 1 and 100),
    turnover_reduction_points   numeric(5, 2) not null default 0 check (turnover_reduction_points between -20 and 20),
    extra_newly_qualified_fte   numeric(7, 1) not null default 0 check (extra_newly_qualified_fte between 0 and 5000),
    agency_conversion_percent   numeric(5, 2) not null default 0 check (agency_conversion_percent between 0 and 100),
    caseload_target             numeric(5, 1) check (caseload_target between 5 and 40),
    created_by                  text not null,
    created_at                  timestamptz not null default now(),
    check ((authority_code is null) <> (region_code is null))
);
create index forecast_scenario_owner on forecast_scenario (authority_code, region_code);

alter table forecast_scenario enable row level security;
create policy scenario_of_its_owner on forecast_scenario
    using (authority_code = nullif(current_setting('wfx.authority', true), '')
           or region_code = nullif(current_setting('wfx.region', true), ''))
    with check (authority_code = nullif(current_setting('wfx.authority', true), '')
                or region_code = nullif(current_setting('wfx.region', true), ''));
grant select, insert on forecast_scenario to ${appRole};
