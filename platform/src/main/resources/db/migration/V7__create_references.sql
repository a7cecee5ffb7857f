-- Shared references under the memorandum. A worker is never named: worker_pseudonym is a keyed HMAC of the
-- Social Work England registration number (computed at the edge, key held outside the database), with the
-- version of the key that made it.

-- A hiring authority's prospective engagement of a worker: what its references are gathered for.
create table engagement (
    id               uuid primary key,
    authority_code   text not null references authority (gss_code),
    worker_pseudonym text not null,
    key_version      integer not null,
    role             text not null,
    engagement_type  text not null check (engagement_type in ('PERMANENT', 'AGENCY')),
    created_by       text not null,
    created_at       timestamptz not null default now()
);
-- An authority's engagements, newest first.
create index engagement_authority on engagement (authority_code, created_at desc);
-- Links a worker's engagements, requests and reviews (review visibility, holder look-ups, key rotation).
create index engagement_worker on engagement (worker_pseudonym);

create table reference_request (
    id                  uuid primary key,
    engagement_id       uuid not null references engagement (id) on delete cascade,
    requester_authority text not null references authority (gss_code),
    referee_authority   text not null references authority (gss_code),
    worker_pseudonym    text not null,
    key_version         integer not null,
    role_applied_for    text not null,
    engagement_type     text not null,
    consent_given_on    date not null,
    consent_method      text not null,
    due_on              date not null,
    status              text not null default 'REQUESTED' check (status in ('REQUESTED', 'PROVIDED', 'DECLINED')),
    decline_reason      text,
    requested_by        text not null,
    requested_at        timestamptz not null default now(),
    answered_by         text,
    answered_at         timestamptz,
    check (requester_authority <> referee_authority),
    check (status <> 'DECLINED' or decline_reason is not null)
);
-- The referee authority's inbox (and its overdue list) by status and due date.
create index reference_request_referee on reference_request (referee_authority, status, due_on);
-- The requester's requests per engagement.
create index reference_request_engagement on reference_request (engagement_id);
create index reference_request_worker on reference_request (worker_pseudonym);

create table reference (
    request_id                uuid primary key references reference_request (id) on delete cascade,
    referee_authority         text not null references authority (gss_code),
    requester_authority       text not null references authority (gss_code),
    worker_pseudonym          text not null,
    key_version               integer not null,
    template_version          text not null,
    content                   jsonb not null,
    provided_by               text not null,
    provided_at               timestamptz not null default now(),
    shared_with_worker_on     date,
    shared_with_worker_method text
);
create index reference_worker on reference (worker_pseudonym);

create table placement_review (
    id                 uuid primary key,
    engaging_authority text not null references authority (gss_code),
    worker_pseudonym   text not null,
    key_version        integer not null,
    template_version   text not null,
    content            jsonb not null,
    recorded_by        text not null,
    recorded_at        timestamptz not null default now()
);
create index placement_review_worker on placement_review (worker_pseudonym);

alter table engagement enable row level security;
create policy engagement_own on engagement
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));

-- A request is the business of its two parties: the requester creates it, the referee answers it.
alter table reference_request enable row level security;
create policy request_seen_by_parties on reference_request for select
    using (current_setting('wfx.authority', true) in (requester_authority, referee_authority));
create policy request_made_by_requester on reference_request for insert
    with check (requester_authority = current_setting('wfx.authority', true));
create policy request_answered_by_referee on reference_request for update
    using (referee_authority = current_setting('wfx.authority', true))
    with check (referee_authority = current_setting('wfx.authority', true));

alter table reference enable row level security;
create policy reference_seen_by_parties on reference for select
    using (current_setting('wfx.authority', true) in (requester_authority, referee_authority));
create policy reference_written_by_referee on reference for insert
    with check (referee_authority = current_setting('wfx.authority', true));
create policy reference_sharing_recorded_by_parties on reference for update
    using (current_setting('wfx.authority', true) in (requester_authority, referee_authority))
    with check (current_setting('wfx.authority', true) in (requester_authority, referee_authority));

-- A review is seen by the authority that wrote it, and by an authority that has an engagement of the same
-- worker (i.e. that later asks for references about them).
alter table placement_review enable row level security;
create policy review_written_by_engager on placement_review for insert
    with check (engaging_authority = current_setting('wfx.authority', true));
create policy review_seen_by_engager_or_later_engager on placement_review for select
    using (engaging_authority = current_setting('wfx.authority', true)
        or exists (select 1 from engagement e
                    where e.worker_pseudonym = placement_review.worker_pseudonym
                      and e.authority_code = current_setting('wfx.authority', true)));

grant select, insert on engagement to ${appRole};
grant select, insert, update on reference_request to ${appRole};
grant select, insert, update on reference to ${appRole};
grant select, insert on placement_review to ${appRole};

-- Which authorities hold references or reviews about a worker: the authorities only, never the content.
-- Security definer, so it answers across authorities without opening the tables to the application role.
create function reference_holders(pseudonym text)
    returns table (authority_code text, holds text)
    language sql stable security definer set search_path = public as
$$
    select referee_authority, 'REFERENCE_WRITTEN' from reference where worker_pseudonym = pseudonym
    union
    select requester_authority, 'REFERENCE_RECEIVED' from reference where worker_pseudonym = pseudonym
    union
    select engaging_authority, 'PLACEMENT_REVIEW' from placement_review where worker_pseudonym = pseudonym
$$;
revoke all on function reference_holders(text) from public;
grant execute on function reference_holders(text) to ${appRole};

-- The references retention period (months) of the memorandum terms in force on a date for an authority's region.
create function references_retention_months(authority text, on_date date)
    returns integer language sql stable as
$$
    select t.retention_references_months
      from authority a join memorandum_terms t on t.region_code = a.region_code
     where a.gss_code = authority and t.effective_from <= on_date
     order by t.effective_from desc, t.version desc
     limit 1
$$;

-- Deletes references, requests, engagements and reviews past the retention period of the memorandum terms
-- in force (on the given date) for the region of the authority that holds them. A case (an engagement with its
-- requests and references) is kept whole while any part of it had activity within the period. Returns what it deleted.
create function purge_expired_references(today date)
    returns table (kind text, deleted bigint)
    language plpgsql security definer set search_path = public as
$$
declare
    n bigint;
begin
    delete from placement_review p
     where p.recorded_at < today - make_interval(months => references_retention_months(p.engaging_authority, today));
    get diagnostics n = row_count;
    kind := 'placement_review'; deleted := n; return next;

    delete from engagement e
     where e.created_at < today - make_interval(months => references_retention_months(e.authority_code, today))
       and not exists (select 1 from reference_request q
                        where q.engagement_id = e.id
                          and coalesce(q.answered_at, q.requested_at)
                              >= today - make_interval(months => references_retention_months(e.authority_code, today)));
    get diagnostics n = row_count;
    kind := 'engagement (with its requests and references)'; deleted := n; return next;
end;
$$;
revoke all on function purge_expired_references(date) from public;
grant execute on function purge_expired_references(date) to ${appRole};
