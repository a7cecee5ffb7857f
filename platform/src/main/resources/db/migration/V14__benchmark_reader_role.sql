-- Every council's latest census figures, which the benchmarks aggregate, are no longer reachable by the application
-- role: only by the benchmark reader role, which the benchmark data source alone connects as and which can do
-- nothing else. A bug or an injection in any other code path, running as the application role, cannot read them.
revoke execute on function latest_census_returns() from ${appRole};
grant execute on function latest_census_returns() to ${benchmarkRole};
