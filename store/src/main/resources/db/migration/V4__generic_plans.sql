-- The ride queries run as server-side prepared statements with their values as parameters. Left
-- to choose, PostgreSQL re-plans such a statement for every execution when its cell arrays make
-- the generic plan look costlier; planning a ride search then takes about 0.4 ms of its 2 ms,
-- while the generic plan runs as fast (docs/query-design.md). Every plan these queries can take
-- is driven by the same cell-first indexes, so the generic one is kept. Statements that EXPLAIN
-- for the cost guard still see their parameters' values. Servers where the migrating role may not
-- alter the database keep their setting.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_generic_plan', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'plan_cache_mode left as configured: %', SQLERRM;
END
$$;
