-- An assignment is known by its worker, role type and start date within a council (issue 27): recording the same
-- spreadsheet or form twice changes nothing, and a changed row is a correction with a reason. The fingerprint is the
-- SHA-256 of what was recorded (the worker by pseudonym, never the number), so "the same again" is told from "changed".
alter table agency_assignment add column content_fingerprint text;
create index agency_assignment_identity on agency_assignment (authority_code, worker_pseudonym, role_type, start_date);
