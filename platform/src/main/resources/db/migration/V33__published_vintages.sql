-- DfE's publications as vintages (issue 25): each import records the latest period its file holds, and a figure a
-- later publication changes keeps its earlier value here, with the import it came from and the one that replaced
-- it. The newest publication wins: a file whose latest period is older than the one a stored figure came from
-- changes nothing (importing an old file again, or migrate's bundled baseline after a newer import, reverts nothing).
alter table published_import add column vintage text;
update published_import i
   set vintage = coalesce((select max(s.time_period) from published_statistic s where s.import_id = i.id), '');
alter table published_import alter column vintage set not null;

create table published_revision (
    id               bigint generated always as identity primary key,
    publication      text not null,
    measure          text not null,
    time_period      text not null,
    geographic_level text not null,
    area_code        text not null,
    value            numeric,
    symbol           text check (symbol in ('c', 'x', 'z', 'low', 'u')),
    import_id        bigint not null references published_import (id),
    superseded_by    bigint not null references published_import (id),
    check ((value is null) <> (symbol is null))
);
create index published_revision_figure on published_revision (area_code, measure, time_period);

-- public data, like the figures themselves
grant select on published_revision to ${appRole};
