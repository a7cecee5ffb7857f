-- The council's permanent notice for the role, which the notice rule compares the assignment's notice with, is kept
-- with each version (issue 27: one assignment's page ends or corrects it from what was recorded, and must judge the
-- notice rule as it was judged then). Null for versions recorded before, and where the council gave none.
alter table agency_assignment add column permanent_notice_weeks integer check (permanent_notice_weeks between 0 and 52);
