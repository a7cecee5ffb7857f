-- An idempotency key stands for one request: the fingerprint (SHA-256 of the period, reason and figures) lets a
-- retry be told from a different return sent with a reused key. Null for versions stored before this migration.
alter table workforce_return add column request_fingerprint text;
