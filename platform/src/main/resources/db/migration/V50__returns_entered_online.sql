-- Returns entered in the browser, question page by question page (issue 29).
--
-- return_draft: a council's answers so far for one period, kept as typed (text, so "12.5", "x" and a mistyped
-- "twelve" are all kept until the officer corrects them), keyed "measure|breakdown" ("inpost_fte|" for a total).
-- One draft a period; only the council reads or changes its own (row-level security on wfx.authority). A draft is
-- never a figure: no benchmark, export or forecast reads this table, and submitting it goes through the same checks
-- as an upload, then deletes it.
create table return_draft (
    authority_code text not null references authority (gss_code),
    period_type    text not null check (period_type in ('MONTH', 'QUARTER', 'CENSUS_YEAR')),
    period         text not null check (length(period) between 4 and 7),
    answers        jsonb not null default '{}'::jsonb check (jsonb_typeof(answers) = 'object'),
    sections_done  text[] not null default '{}',
    started_from   text check (length(started_from) <= 200),
    started_by     text not null,
    updated_by     text not null,
    updated_at     timestamptz not null default now(),
    primary key (authority_code, period_type, period)
);
alter table return_draft enable row level security;
create policy return_draft_of_the_council on return_draft
    using (authority_code = current_setting('wfx.authority', true))
    with check (authority_code = current_setting('wfx.authority', true));
grant select, insert, update, delete on return_draft to ${appRole};

-- A version made in the browser says so, beside the API's, a CSV's and an Excel file's.
alter table workforce_return drop constraint workforce_return_source_check;
alter table workforce_return add constraint workforce_return_source_check check (source in ('API', 'CSV', 'XLSX', 'ONLINE'));
