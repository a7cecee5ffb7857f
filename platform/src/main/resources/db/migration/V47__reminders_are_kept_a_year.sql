-- The reminder outbox holds council contacts' names and addresses: a reminder is deleted a year after it was queued,
-- by the nightly retention run (as the owner; the application role may not delete reminders at all).
create function purge_expired_reminders() returns table (kind text, deleted bigint)
    language plpgsql as $$
declare
    n bigint;
begin
    delete from reminder where queued_at < now() - interval '12 months';
    get diagnostics n = row_count;
    return query select 'reminders'::text, n;
end;
$$;
revoke all on function purge_expired_reminders() from public;
