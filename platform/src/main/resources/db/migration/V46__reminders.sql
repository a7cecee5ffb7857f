-- E-mail reminders: each region's schedule (set by its memorandum administrator) and one outbox of what was queued,
-- sent or cancelled. A reminder is sent at most once: one row per kind, subject, stage and recipient.

create table reminder_schedule (
    region_code                 text primary key references region (code),
    enabled                     boolean not null,
    return_due_days_before      integer not null check (return_due_days_before between 1 and 60),
    return_overdue_days_after   integer not null check (return_overdue_days_after between 1 and 60),
    reference_due_days_before   integer not null check (reference_due_days_before between 1 and 30),
    assignment_end_days_before  integer not null check (assignment_end_days_before between 1 and 90),
    set_by                      text not null,
    set_at                      timestamptz not null default now()
);

alter table reminder_schedule enable row level security;
create policy schedule_of_the_region on reminder_schedule
    using (region_code = current_setting('wfx.region', true))
    with check (region_code = current_setting('wfx.region', true));
-- a council's own reminders follow its region's schedule
create policy schedule_read_by_members on reminder_schedule for select
    using (region_code = (select region_code from authority where gss_code = current_setting('wfx.authority', true)));
grant select, insert, update on reminder_schedule to ${appRole};

create table reminder (
    id              uuid primary key default gen_random_uuid(),
    region_code     text not null references region (code),
    authority_code  text not null references authority (gss_code),
    kind            text not null check (kind in ('RETURN_DUE', 'RETURN_OVERDUE', 'REFERENCE_DUE', 'ASSIGNMENT_ENDING')),
    about           text not null check (length(about) between 1 and 200),
    recipient_name  text not null,
    recipient_email text not null,
    subject         text not null,
    body            text not null,
    queued_at       timestamptz not null default now(),
    sent_at         timestamptz,
    cancelled_at    timestamptz,
    cancel_reason   text,
    failure         text,
    attempts        integer not null default 0,
    unique (kind, about, authority_code, recipient_email),
    check (sent_at is null or cancelled_at is null)
);
create index reminder_unsent on reminder (region_code) where sent_at is null and cancelled_at is null;
create index reminder_region_queued on reminder (region_code, queued_at desc);

-- The region queues, sends and reads its members' return reminders; a council queues, sends and reads its own
-- (reference requests it must answer, its agency assignments ending), which its region never sees: a reference request
-- is between two councils. Nobody else sees either.
alter table reminder enable row level security;
create policy reminder_of_the_region on reminder
    using (region_code = current_setting('wfx.region', true) and kind in ('RETURN_DUE', 'RETURN_OVERDUE'))
    with check (region_code = current_setting('wfx.region', true) and kind in ('RETURN_DUE', 'RETURN_OVERDUE'));
create policy reminder_of_the_council on reminder
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
grant select, insert, update on reminder to ${appRole};
