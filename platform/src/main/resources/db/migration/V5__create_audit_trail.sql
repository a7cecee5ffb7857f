-- The append-only audit trail: who did what to which record, when, under which request.
-- The application role may insert and read (row-level security limits reads to the region);
-- no role may update, delete or truncate: the triggers refuse, whoever asks.
create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default clock_timestamp(),
    actor          text not null,
    authority_code text,
    region_code    text,
    action         text not null,
    target_type    text not null,
    target_id      text,
    request_id     text,
    detail         jsonb not null default '{}'::jsonb
);

-- A region administrator reads the region's trail newest first.
create index audit_event_region_time on audit_event (region_code, occurred_at desc);

create function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the audit trail is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

alter table audit_event enable row level security;
create policy audit_appended_by_anyone on audit_event for insert with check (true);
create policy audit_read_by_region on audit_event for select
    using (region_code = current_setting('wfx.region', true));

revoke all on audit_event from public;
grant insert, select on audit_event to ${appRole};
