-- References gathered off the platform (issue 27): a previous employer outside the region or a non-council employer
-- gives a reference the platform never carries. The engaging council's reference officer records it as evidence — who
-- gave it, when, on which template — and attests having read it; it then counts towards the two-reference rule like a
-- reference provided here. The reference itself stays with the council; only the evidence is kept.
create table external_reference (
    id                   uuid primary key,
    engagement_id        uuid not null references engagement (id),
    authority_code       text not null references authority (gss_code),
    referee_organisation text not null check (char_length(referee_organisation) between 1 and 200),
    referee_role         text not null check (char_length(referee_role) between 1 and 200),
    provided_on          date not null,
    template             text not null check (template in ('MEMORANDUM_STANDARD', 'OTHER_DETAILED_PRACTICE_BASED')),
    attested_by          text not null,
    recorded_at          timestamptz not null default now()
);
create index external_reference_engagement on external_reference (engagement_id);
alter table external_reference enable row level security;
create policy external_reference_of_its_council on external_reference
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
grant select, insert on external_reference to ${appRole};
