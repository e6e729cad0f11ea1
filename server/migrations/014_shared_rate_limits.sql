-- Rate limits shared by every app instance (issue #18): one counter per client, route and fixed window, so that
-- N instances behind a load balancer allow a client the limit once, not N times. UNLOGGED: a counter writes no WAL,
-- so it costs the primary little, never reaches the hot standbys (which could not be written to anyway) and never
-- makes them lag; after a crash the counters start again from zero, which a rate limit can bear.
CREATE UNLOGGED TABLE rate_limit_hit (
  key_hash bytea NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (key_hash, window_start)
);
CREATE INDEX rate_limit_hit_window_idx ON rate_limit_hit (window_start);

GRANT INSERT, UPDATE, DELETE ON rate_limit_hit TO koege_app;
