-- Request counters of the shared rate limiter (api/rate-limit), one row per limited key (a client address or a
-- token digest, with its bucket), counting the requests of its current fixed window. UNLOGGED: counters need no
-- WAL and may be lost in a crash (the worst case is one fresh window); every process reads and bumps the same rows.
CREATE UNLOGGED TABLE rate_limit_counters (
  key text PRIMARY KEY,
  window_start bigint NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX rate_limit_counters_window_idx ON rate_limit_counters (window_start);
