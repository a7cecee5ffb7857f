-- Functions the application role can call must not be aimable at other councils' data.

-- Retention uses the database's own date: a caller can no longer pass a "today" in the future and so delete
-- every council's references.
drop function purge_expired_references(date);
create function purge_expired_references()
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
end;
$$;
revoke all on function purge_expired_references() from public;
grant execute on function purge_expired_references() to ${appRole};

-- A serving replica, which holds only the application role's credentials, checks that the schema is as new as
-- it needs (the migrations ran) before it serves.
grant select on flyway_schema_history to ${appRole};

-- ...and that no stored pseudonym is under an older key version than its key file's newest (the rotation ran).
-- Key versions only: no row, no pseudonym, no authority.
create function pseudonym_key_versions()
    returns table (key_version integer)
    language sql stable security definer set search_path = public as
$$
    select key_version from engagement
    union select key_version from reference_request
    union select key_version from reference
    union select key_version from placement_review
$$;
revoke all on function pseudonym_key_versions() from public;
grant execute on function pseudonym_key_versions() to ${appRole};
