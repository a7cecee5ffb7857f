-- Run once as a PostgreSQL superuser (or a role with CREATEROLE and CREATEDB) before the first start.
-- wfx_owner owns the tables and runs the migrations; wfx_app is what the service serves requests as:
-- it owns nothing and cannot bypass row-level security, so one authority's rows stay its own.
-- Replace the passwords (or use your platform's secret store and ALTER ROLE ... PASSWORD).
create role wfx_owner login password 'change-me-owner';
create role wfx_app login password 'change-me-app' nosuperuser nocreatedb nocreaterole nobypassrls;
create database workforce_exchange owner wfx_owner;
