-- Two things the retention levers (issue 30) need beyond measures in the catalogue.
--
-- exit_theme_list: each region's list of exit-interview themes, so every member codes its leavers' reasons the same
-- way. Versioned like the memorandum's terms: a new list is a new version, the old ones are kept, none is changed.
-- Every signed-in user may read a region's list (it is a coding frame, no one's data); only the region's own
-- administrator adds a version (row-level security: the region the caller acts for).
create table exit_theme_list (
    region_code  text not null references region (code),
    version      integer not null check (version >= 1),
    themes       jsonb not null check (jsonb_typeof(themes) = 'array' and jsonb_array_length(themes) between 2 and 40),
    reason       text check (reason is null or length(reason) <= 500),
    recorded_by  text not null,
    recorded_at  timestamptz not null default now(),
    primary key (region_code, version)
);
alter table exit_theme_list enable row level security;
create policy exit_theme_list_readable on exit_theme_list for select using (true);
create policy exit_theme_list_by_its_region on exit_theme_list for insert
    with check (region_code = current_setting('wfx.region', true));
grant select, insert on exit_theme_list to ${appRole};

-- team_figures_sharing: whether a council shares its figures by team and office (measures the catalogue marks
-- "sharing": "council") with its memorandum. No row, or shared = false: they stay inside the council. Only the
-- council reads or changes its own choice; the benchmark reader learns who shares through the function below.
create table team_figures_sharing (
    authority_code text primary key references authority (gss_code),
    shared         boolean not null,
    decided_by     text not null,
    decided_at     timestamptz not null default now()
);
alter table team_figures_sharing enable row level security;
create policy team_figures_sharing_of_the_council on team_figures_sharing
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
grant select, insert, update on team_figures_sharing to ${appRole};

-- The councils sharing their team figures with their memorandum: for the benchmark reader only, which applies it
-- (benchmark.SeenReturns) to every reader of figures.
create function team_figures_shared()
    returns table (authority_code text) language sql stable security definer set search_path = public as
$$
    select authority_code from team_figures_sharing where shared
$$;
revoke all on function team_figures_shared() from public;
grant execute on function team_figures_shared() to ${benchmarkRole};

-- A change of choice changes what benchmarks may show: a counter, as for every table benchmarks are computed from (V30).
create trigger team_figures_sharing_inserts after insert on team_figures_sharing referencing new table as changed_rows
    for each statement execute function data_change_of_rows();
create trigger team_figures_sharing_updates after update on team_figures_sharing referencing new table as changed_rows
    for each statement execute function data_change_of_rows();
create trigger team_figures_sharing_deletes after delete on team_figures_sharing referencing old table as changed_rows
    for each statement execute function data_change_of_rows();
create trigger team_figures_sharing_truncated after truncate on team_figures_sharing
    for each statement execute function data_change_of_table();
