-- An authority's workforce return for a period: a month (2025-03), a quarter (2025-Q1) or a census year to
-- 30 September (2025). Every accepted submission is a new version; no version is ever changed or deleted
-- by the application. Values are typed-in components only: rates are derived on reading.
create table workforce_return (
    id              uuid primary key,
    authority_code  text not null references authority (gss_code),
    period_type     text not null check (period_type in ('MONTH', 'QUARTER', 'CENSUS_YEAR')),
    period          text not null,
    version         integer not null check (version >= 1),
    source          text not null check (source in ('API', 'CSV', 'XLSX')),
    submitted_by    text not null,
    submitted_at    timestamptz not null default now(),
    reason          text,
    idempotency_key text,
    unique (authority_code, period_type, period, version),
    -- a retried submission with the same key finds the version it made
    unique (authority_code, idempotency_key)
);
-- An authority's returns, newest version first, and a region's status view (authority, period).
create index workforce_return_period on workforce_return (period_type, period, authority_code, version desc);

create table return_value (
    return_id      uuid not null references workforce_return (id),
    authority_code text not null,
    measure        text not null,
    breakdown      text not null default '',
    value          numeric,
    symbol         text check (symbol in ('x', 'z')),
    check ((value is null) <> (symbol is null)),
    primary key (return_id, measure, breakdown)
);

-- Region administrators set when each period's return is due.
create table submission_window (
    region_code text not null references region (code),
    period_type text not null check (period_type in ('MONTH', 'QUARTER', 'CENSUS_YEAR')),
    period      text not null,
    due_on      date not null,
    set_by      text not null,
    set_at      timestamptz not null default now(),
    primary key (region_code, period_type, period)
);

alter table workforce_return enable row level security;
create policy return_own on workforce_return for all
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
-- Regional users see that (and when, and which version) their members submitted; values stay with the authority
-- until the benchmark work decides what is shared and how.
create policy return_status_read_by_region on workforce_return for select
    using (authority_code in (select gss_code from authority where region_code = current_setting('wfx.region', true)));

alter table return_value enable row level security;
create policy value_own on return_value for all
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));

alter table submission_window enable row level security;
create policy window_readable on submission_window for select using (true);
create policy window_set_by_region on submission_window for all
    using (region_code = current_setting('wfx.region', true))
    with check (region_code = current_setting('wfx.region', true));

grant select, insert on workforce_return, return_value to ${appRole};
grant select, insert, update on submission_window to ${appRole};
