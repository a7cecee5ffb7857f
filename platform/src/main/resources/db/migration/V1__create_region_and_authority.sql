-- Reference data the platform ships with: England's regions and local authorities, as DfE publishes them.
-- A region is also the scope of a regional memorandum of cooperation.
create table region (
    code text primary key check (code ~ '^E12[0-9]{6}$'),
    name text not null unique
);

create table authority (
    gss_code             text primary key check (gss_code ~ '^E[0-9]{8}$'),
    dfe_number           text not null check (dfe_number ~ '^[0-9]{3}$'),
    name                 text not null,
    region_code          text not null references region (code),
    sub_region           text,
    first_published_year integer not null,
    last_published_year  integer not null,
    active               boolean not null,
    -- DfE publishes some authorities' figures as one joint return, e.g. 'E09000021 / E09000027'
    -- (Kingston upon Thames and Richmond upon Thames); null for authorities that report alone.
    joint_return_code    text
);

-- DfE files and councils' spreadsheets name authorities by their three-digit number; after a
-- reorganisation the same number can belong to an old and a new code, hence not unique.
create index authority_dfe_number on authority (dfe_number);
-- Regional views list a region's authorities.
create index authority_region on authority (region_code);

grant select on region, authority to ${appRole};
