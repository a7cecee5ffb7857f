-- How quickly the region's members answer reference requests, for the region's report to its board: per member as
-- referee, over requests due in a period, counts only (answered, on time, still open and overdue) and the median
-- days from request to answer. Only for the region the caller acts for (wfx.region); no request, worker or requester
-- is named, and a council user gets nothing.
create function reference_turnaround(p_from date, p_to date)
    returns table (referee_authority text, due bigint, answered bigint, on_time bigint, open_overdue bigint, median_days numeric)
    language sql stable security definer set search_path = public as
$$
    select r.referee_authority,
           count(*),
           count(*) filter (where r.status <> 'REQUESTED'),
           count(*) filter (where r.status <> 'REQUESTED' and (r.answered_at at time zone 'Europe/London')::date <= r.due_on),
           count(*) filter (where r.status = 'REQUESTED' and r.due_on < current_date),
           (percentile_cont(0.5) within group (order by extract(epoch from (r.answered_at - r.requested_at)) / 86400.0)
               filter (where r.answered_at is not null))::numeric
      from reference_request r
      join authority a on a.gss_code = r.referee_authority
     where a.region_code = nullif(current_setting('wfx.region', true), '')
       and r.due_on between p_from and p_to
     group by r.referee_authority
$$;
revoke all on function reference_turnaround(date, date) from public;
grant execute on function reference_turnaround(date, date) to ${appRole};
