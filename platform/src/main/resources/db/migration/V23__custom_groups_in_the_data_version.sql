-- Custom comparison groups join the benchmark data (pages list them beside the regions), so defining one changes the
-- data version: every replica's next request sees it, without a query of its own per request.
create or replace function benchmark_data_version()
    returns text language sql stable security definer set search_path = public as
$$
    select coalesce((select max(id)::text from published_import), '0') || ':' ||
           coalesce((select max(submitted_at)::text from workforce_return), '-') || ':' ||
           coalesce((select count(*)::text from workforce_return), '0') || ':' ||
           coalesce((select max(id)::text || '/' || count(*)::text || '/' || count(effective_to)::text
                       from memorandum_membership), '0') || ':' ||
           coalesce((select max(recorded_at)::text from memorandum_terms), '-') || ':' ||
           coalesce((select max(greatest(recorded_at, withdrawn_at))::text || '/' || count(*)::text from memorandum_target), '-') || ':' ||
           coalesce((select max(id)::text from period_release), '0') || ':' ||
           coalesce((select max(set_at)::text || '/' || count(*)::text from submission_window), '-') || ':' ||
           coalesce((select max(created_at)::text || '/' || count(*)::text from custom_group), '-') || ':' ||
           current_date::text
$$;
