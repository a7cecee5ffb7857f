-- References, reviews and holder look-ups are shared only between authorities that are members of the same
-- memorandum on the day: the memorandum is the data-sharing agreement, and a council outside it has none.

-- Whether two authorities are members of the same region's memorandum on a date.
create function share_memorandum(first_authority text, second_authority text, on_date date)
    returns boolean language sql stable as
$$
    select exists (
        select 1
          from memorandum_membership a
          join memorandum_membership b on b.region_code = a.region_code
         where a.authority_code = first_authority and b.authority_code = second_authority
           and a.effective_from <= on_date and (a.effective_to is null or a.effective_to > on_date)
           and b.effective_from <= on_date and (b.effective_to is null or b.effective_to > on_date))
$$;
grant execute on function share_memorandum(text, text, date) to ${appRole};

-- An end-of-placement review is seen by the authority that wrote it, and by an authority that has asked for a
-- reference about the same worker (a request records the worker's consent) while both share a memorandum.
drop policy review_seen_by_engager_or_later_engager on placement_review;
create policy review_seen_by_author_or_consented_requester on placement_review for select
    using (engaging_authority = current_setting('wfx.authority', true)
        or (exists (select 1 from reference_request q
                     where q.worker_pseudonym = placement_review.worker_pseudonym
                       and q.requester_authority = current_setting('wfx.authority', true))
            and share_memorandum(engaging_authority, current_setting('wfx.authority', true), current_date)));

-- One request per engagement and referee at a time: a second is refused while the first is open or answered
-- with a reference (after a decline, asking again is allowed).
create unique index reference_request_one_per_referee on reference_request (engagement_id, referee_authority)
    where status in ('REQUESTED', 'PROVIDED');

-- Which authorities hold references or reviews about a worker: the authorities only, never the content, and
-- only those that share a memorandum today with the authority asking (the transaction's tenant). Without a
-- tenant it answers nothing.
create or replace function reference_holders(pseudonym text)
    returns table (authority_code text, holds text)
    language sql stable security definer set search_path = public as
$$
    with asking as (select nullif(current_setting('wfx.authority', true), '') as code)
    select h.authority_code, h.holds
      from (select referee_authority as authority_code, 'REFERENCE_WRITTEN' as holds from reference where worker_pseudonym = pseudonym
            union
            select requester_authority, 'REFERENCE_RECEIVED' from reference where worker_pseudonym = pseudonym
            union
            select engaging_authority, 'PLACEMENT_REVIEW' from placement_review where worker_pseudonym = pseudonym) h,
           asking
     where asking.code is not null
       and share_memorandum(h.authority_code, asking.code, current_date)
$$;

-- Holder look-ups, counted for their rate limit: a reference officer could otherwise try every registration
-- number. Each authority sees its own.
create table holder_lookup (
    authority_code text not null references authority (gss_code),
    looked_up_by   text not null,
    looked_up_at   timestamptz not null default now()
);
create index holder_lookup_recent on holder_lookup (authority_code, looked_up_at desc);
alter table holder_lookup enable row level security;
create policy holder_lookup_own on holder_lookup
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
grant select, insert on holder_lookup to ${appRole};
