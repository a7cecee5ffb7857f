-- An authority's named contacts for the memorandum's business (who submits the return, who answers
-- reference requests, ...). The first authority-owned table: it carries the authority, and row-level
-- security keyed on the per-transaction setting wfx.authority keeps each authority to its own rows.
-- Regional users (wfx.region) may read their members' contacts, to chase returns.
create table authority_contact (
    id             uuid primary key default gen_random_uuid(),
    authority_code text not null references authority (gss_code),
    name           text not null check (length(name) between 1 and 200),
    email          text not null check (length(email) between 3 and 320),
    responsibility text not null check (responsibility in
        ('WORKFORCE_RETURNS', 'REFERENCES', 'AGENCY_COMPLIANCE', 'DATA_PROTECTION', 'WORKFORCE_PLANNING')),
    created_by     text not null,
    created_at     timestamptz not null default now()
);

-- Every read of contacts is "this authority's contacts".
create index authority_contact_authority on authority_contact (authority_code);

alter table authority_contact enable row level security;
create policy contact_owned_by_authority on authority_contact
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
create policy contact_read_by_region on authority_contact for select
    using (authority_code in (select gss_code from authority where region_code = current_setting('wfx.region', true)));

grant select, insert, update, delete on authority_contact to ${appRole};
