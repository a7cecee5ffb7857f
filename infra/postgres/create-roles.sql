-- Run once as a PostgreSQL superuser (or a role with CREATEROLE and CREATEDB) before the first migration:
--   psql -v ON_ERROR_STOP=1 -v owner_password="$(cat owner-password)" -v app_password="$(cat app-password)" \
--        -v benchmark_password="$(cat benchmark-password)" -f create-roles.sql
-- wfx_owner owns the tables and is used only by the migrate step; wfx_app is what the serving replicas connect
-- as: it owns nothing, cannot bypass row-level security and is a member of no role, so one authority's rows stay
-- its own (the service refuses to start otherwise, with the SQL that fixes it). wfx_benchmark may only call the one
-- function that answers every council's latest census figures, which the benchmarks aggregate (ADR 0002).
create role wfx_owner login password :'owner_password';
create role wfx_app login password :'app_password' nosuperuser nocreatedb nocreaterole nobypassrls noinherit;
create role wfx_benchmark login password :'benchmark_password' nosuperuser nocreatedb nocreaterole nobypassrls noinherit;
create database workforce_exchange owner wfx_owner;
