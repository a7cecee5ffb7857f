-- The retention purge deletes across councils: maintenance, run as the owner of the tables (the nightly job where
-- the service holds the owner's credentials, or the scheduled retention command), never by the application role.
revoke execute on function purge_expired_references() from ${appRole};
