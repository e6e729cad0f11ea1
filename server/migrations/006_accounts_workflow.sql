-- Accounts, sessions and the tender/action workflow's public record (issue #5).

-- Local accounts. E-mail is the login name only: it is never shown publicly, so the display name may not be one.
CREATE TABLE app_user (
  id serial PRIMARY KEY,
  email text NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(email) <= 254),
  display_name text NOT NULL CHECK (display_name <> '' AND length(display_name) <= 100 AND position('@' IN display_name) = 0),
  role text NOT NULL CHECK (role IN ('planner', 'admin')),
  -- scrypt with a per-user random salt, in a self-describing string (see server/src/auth/passwordHash.ts).
  password_hash text NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Case-insensitive uniqueness without the citext extension, which the embedded engine lacks.
CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));

-- Sessions live in the database so that every app instance behind a load balancer sees the same ones.
-- Only the SHA-256 of the cookie's token is stored: a leaked table cannot be replayed as cookies.
CREATE TABLE user_session (
  token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  user_id integer NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_session_expires_idx ON user_session (expires_at);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Login attempts for the rate limit, shared by all instances; the key is a hash (of the IP, or IP + e-mail).
CREATE TABLE login_attempt (
  key_hash bytea NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_key_idx ON login_attempt (key_hash, at);
CREATE INDEX login_attempt_at_idx ON login_attempt (at);

-- Who made a tender change: `actor` holds the display name (never an e-mail), `actor_role` the role, and the
-- account id stays internal. The schedule as it stood after the change lets the timeline set plan against reality.
-- Events from before accounts existed (the seed's history) have no role and no account.
ALTER TABLE tender_event
  ADD COLUMN actor_role text CHECK (actor_role IN ('planner', 'admin')),
  ADD COLUMN actor_user_id integer REFERENCES app_user (id),
  ADD COLUMN planned_year integer,
  ADD COLUMN opens_on date,
  ADD COLUMN closes_on date,
  ADD COLUMN notice_url text;

-- Optimistic concurrency for action progress, as tender.version does for tenders.
ALTER TABLE action ADD COLUMN version integer NOT NULL DEFAULT 1;

-- Append-only history of every action progress change.
CREATE TABLE action_progress_event (
  id bigserial PRIMARY KEY,
  action_number text NOT NULL REFERENCES action (number),
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  actor_role text CHECK (actor_role IN ('planner', 'admin')),
  actor_user_id integer REFERENCES app_user (id),
  from_progress text CHECK (from_progress IN ('not_started', 'in_progress', 'done')),
  to_progress text NOT NULL CHECK (to_progress IN ('not_started', 'in_progress', 'done')),
  note text
);
CREATE INDEX action_progress_event_action_idx ON action_progress_event (action_number, at);
CREATE INDEX action_progress_event_at_idx ON action_progress_event (at);
CREATE INDEX tender_event_at_idx ON tender_event (at);

CREATE TRIGGER action_progress_event_append_only BEFORE UPDATE OR DELETE ON action_progress_event
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER action_progress_event_no_truncate BEFORE TRUNCATE ON action_progress_event
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
