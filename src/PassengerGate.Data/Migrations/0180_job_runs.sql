-- Background jobs (purges, the stale-session sweep) run once per interval across every service node: a node claims a
-- run by moving its job's row forward; a node that finds it claimed within the interval skips (decision 0024).
CREATE TABLE job_runs (
    job         text PRIMARY KEY,
    last_run_at timestamptz NOT NULL,
    node        text NOT NULL,
    runs        bigint NOT NULL DEFAULT 1
);
