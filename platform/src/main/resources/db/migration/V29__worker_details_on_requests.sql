-- What the worker stated on the application about the employment a reference is asked for (name, job title, dates),
-- so the referee can tell whom a request is about. Sealed by the service (AES-256-GCM, key derived from the pseudonym
-- key file, outside the database; bound to the request's id) before it reaches this table: the database holds
-- ciphertext only, read by the requester and the referee through the request's own row-level security, and deleted
-- with the request at retention. Its key version is its own: pseudonym rotation changes key_version, not this.
alter table reference_request add column worker_details bytea;
alter table reference_request add column details_key_version integer;
alter table reference_request add constraint worker_details_with_key_version
    check ((worker_details is null) = (details_key_version is null));
