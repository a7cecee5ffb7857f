-- A council's uploads of assignments as a spreadsheet: what each made (assignment ids and versions, by row), so a retry
-- with the same Idempotency-Key answers the same; the fingerprint is of the rows as read, the workers pseudonymised
-- (never the file, never a registration number).
create table agency_upload (
    id               uuid primary key,
    authority_code   text not null references authority (gss_code),
    idempotency_key  text,
    fingerprint      text not null,
    source           text not null check (source in ('CSV', 'XLSX')),
    result           jsonb not null,
    uploaded_by      text not null,
    uploaded_at      timestamptz not null default now(),
    unique (authority_code, idempotency_key)
);
alter table agency_upload enable row level security;
create policy upload_of_its_council on agency_upload
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
grant select, insert on agency_upload to ${appRole};
