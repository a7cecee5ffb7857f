-- Retention applied to everything the data-sharing agreement keeps for a period, by the same owner-run purge as the
-- references (the nightly job or the retention command; never the application role):
--   returns       every version of a period's return (with its figures and release entries) once the period ended
--                 longer ago than the memorandum's retention_returns_months for the authority;
--   assignments   every version of an agency assignment once it ended (actual, else planned, else its start) longer ago
--                 than the same period (the agreement's "agency assignment records");
--   leavers       a year after the leaving: only cooling-off reads them, and no memorandum's cooling-off is as long;
--   uploads       the idempotency records of assignment uploads, after 30 days (a retry comes within minutes);
--   audit         events older than the retention_audit_months of the region they were made in, or for events of
--                 no region (operators, commands) the longest audit period of any memorandum in force.
-- The period is always the memorandum terms in force today.

create function returns_retention_months(authority text, on_date date)
    returns integer language sql stable as
$$
    select t.retention_returns_months
      from authority a join memorandum_terms t on t.region_code = a.region_code
     where a.gss_code = authority and t.effective_from <= on_date
     order by t.effective_from desc, t.version desc
     limit 1
$$;

create function audit_retention_months(region text, on_date date)
    returns integer language sql stable as
$$
    select coalesce(
        (select t.retention_audit_months from memorandum_terms t
          where t.region_code = region and t.effective_from <= on_date
          order by t.effective_from desc, t.version desc limit 1),
        (select max(x.retention_audit_months) from (
            select distinct on (t.region_code) t.retention_audit_months from memorandum_terms t
             where t.effective_from <= on_date order by t.region_code, t.effective_from desc, t.version desc) x))
$$;

-- The last day of a return's period: a month, a calendar quarter, or a census year (to 30 September).
create function period_end(p_type text, p_period text)
    returns date language sql immutable as
$$
    select case p_type
        when 'MONTH' then (to_date(p_period || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date
        when 'QUARTER' then (make_date(left(p_period, 4)::int, (right(p_period, 1)::int - 1) * 3 + 1, 1)
                             + interval '3 months' - interval '1 day')::date
        else make_date(p_period::int, 9, 30)
    end
$$;

-- The audit trail stays append-only to everyone, except to this purge (which sets wfx.retention for its transaction
-- only, as the owner; the application role has no delete grant on the table at all).
create or replace function audit_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' and current_setting('wfx.retention', true) = 'purge' then
        return old;
    end if;
    raise exception 'the audit trail is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create function purge_expired_records()
    returns table (kind text, deleted bigint)
    language plpgsql security definer set search_path = public as
$$
declare
    n bigint;
begin
    drop table if exists expired_return;
    create temporary table expired_return on commit drop as
        select r.id, r.authority_code, r.period_type, r.period, r.version
          from workforce_return r
         where period_end(r.period_type, r.period)
               < current_date - make_interval(months => returns_retention_months(r.authority_code, current_date));
    delete from return_value v using expired_return e where v.return_id = e.id;
    delete from released_return rr using period_release p, expired_return e
     where rr.release_id = p.id and p.period_type = e.period_type and p.period = e.period
       and rr.authority_code = e.authority_code and rr.version = e.version;
    delete from workforce_return r using expired_return e where r.id = e.id;
    get diagnostics n = row_count;
    kind := 'workforce_return (versions, with their figures)'; deleted := n; return next;

    delete from agency_assignment x
     where x.assignment_id in (
        select a.assignment_id from agency_assignment a
         group by a.assignment_id
        having max(coalesce(a.actual_end_date, a.planned_end_date, a.start_date))
               < current_date - make_interval(months => returns_retention_months(min(a.authority_code), current_date)));
    get diagnostics n = row_count;
    kind := 'agency_assignment (versions)'; deleted := n; return next;

    delete from agency_leaver where left_on < current_date - interval '12 months';
    get diagnostics n = row_count;
    kind := 'agency_leaver'; deleted := n; return next;

    delete from agency_upload where uploaded_at < now() - interval '30 days';
    get diagnostics n = row_count;
    kind := 'agency_upload'; deleted := n; return next;

    perform set_config('wfx.retention', 'purge', true);
    delete from audit_event e
     where e.occurred_at < current_date - make_interval(months => audit_retention_months(e.region_code, current_date));
    get diagnostics n = row_count;
    perform set_config('wfx.retention', '', true);
    kind := 'audit_event'; deleted := n; return next;
end;
$$;
revoke all on function purge_expired_records() from public;
