-- Holder look-ups are counted only for their rate limit (a day at most): retention deletes them after a day.
create or replace function purge_expired_references()
    returns table (kind text, deleted bigint)
    language plpgsql security definer set search_path = public as
$$
declare
    n bigint;
begin
    delete from placement_review p
     where p.recorded_at < current_date - make_interval(months => references_retention_months(p.engaging_authority, current_date));
    get diagnostics n = row_count;
    kind := 'placement_review'; deleted := n; return next;

    delete from engagement e
     where e.created_at < current_date - make_interval(months => references_retention_months(e.authority_code, current_date))
       and not exists (select 1 from reference_request q
                        where q.engagement_id = e.id
                          and coalesce(q.answered_at, q.requested_at)
                              >= current_date - make_interval(months => references_retention_months(e.authority_code, current_date)));
    get diagnostics n = row_count;
    kind := 'engagement (with its requests and references)'; deleted := n; return next;

    delete from holder_lookup where looked_up_at < now() - interval '1 day';
    get diagnostics n = row_count;
    kind := 'holder_lookup'; deleted := n; return next;
end;
$$;
