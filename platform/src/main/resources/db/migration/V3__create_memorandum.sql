-- A region's memorandum of cooperation: who is a member when, and the terms in force when.
-- Terms are versioned: a new version takes effect on its date; earlier versions are never changed.
create table memorandum_membership (
    id             bigint generated always as identity primary key,
    region_code    text not null references region (code),
    authority_code text not null references authority (gss_code),
    phase          text not null,
    effective_from date not null,
    effective_to   date,
    check (effective_to is null or effective_to > effective_from)
);

-- "Which authorities are members of this memorandum on this date" is the question every regional view asks.
create index memorandum_membership_region on memorandum_membership (region_code, effective_from);
-- "Which memoranda has this authority signed" answers the authority's own views.
create index memorandum_membership_authority on memorandum_membership (authority_code);

create table memorandum_terms (
    region_code                    text not null references region (code),
    version                        integer not null check (version >= 1),
    effective_from                 date not null,
    cooling_off_months             integer not null check (cooling_off_months between 0 and 24),
    reference_standard_version     text not null,
    small_count_threshold          integer not null default 5 check (small_count_threshold between 1 and 100),
    permanent_staff_target_percent numeric(5, 2) check (permanent_staff_target_percent between 0 and 100),
    dsa_purpose                    text not null,
    dsa_lawful_basis               text not null,
    dsa_data_items                 text[] not null,
    retention_returns_months       integer not null check (retention_returns_months > 0),
    retention_references_months    integer not null check (retention_references_months > 0),
    retention_audit_months         integer not null check (retention_audit_months > 0),
    recorded_by                    text not null,
    recorded_at                    timestamptz not null default now(),
    change_reason                  text not null,
    primary key (region_code, version)
);

-- Everyone may read a memorandum; only the region's own administrators may change it.
alter table memorandum_terms enable row level security;
create policy terms_readable on memorandum_terms for select using (true);
create policy terms_written_by_region on memorandum_terms for insert
    with check (region_code = current_setting('wfx.region', true));

alter table memorandum_membership enable row level security;
create policy membership_readable on memorandum_membership for select using (true);
create policy membership_added_by_region on memorandum_membership for insert
    with check (region_code = current_setting('wfx.region', true));
create policy membership_changed_by_region on memorandum_membership for update
    using (region_code = current_setting('wfx.region', true))
    with check (region_code = current_setting('wfx.region', true));

grant select, insert on memorandum_terms to ${appRole};
grant select, insert, update on memorandum_membership to ${appRole};
