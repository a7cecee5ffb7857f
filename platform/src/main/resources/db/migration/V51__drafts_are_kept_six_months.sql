-- A return being entered online that nobody has changed for six months is abandoned: the nightly retention run deletes
-- it (as the owner), as it deletes reminders (V47). A draft holds no figure anyone else reads, but it names who typed it.
create function purge_abandoned_drafts() returns table (kind text, deleted bigint)
    language plpgsql as $$
declare
    n bigint;
begin
    delete from return_draft where updated_at < now() - interval '6 months';
    get diagnostics n = row_count;
    return query select 'return_draft'::text, n;
end;
$$;
revoke all on function purge_abandoned_drafts() from public;
