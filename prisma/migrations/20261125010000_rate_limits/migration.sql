-- Fixed-window failure counters with lockout, for PIN attempts (per phone and per IP) and
-- typed-code lookups (per agent). In PostgreSQL, so every app instance sees the same counts.
CREATE TABLE rate_limits (
  key text PRIMARY KEY CHECK (length(key) <= 200),
  window_start timestamptz(3) NOT NULL DEFAULT now(),
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  locked_until timestamptz(3)
);
