CREATE TABLE tender (
  id serial PRIMARY KEY,
  site_id text NOT NULL UNIQUE REFERENCES site (id),
  status text NOT NULL CHECK (status IN ('not_planned', 'planned', 'in_preparation', 'open', 'under_evaluation', 'reserved', 'sold', 'withdrawn')),
  planned_year integer CHECK (planned_year BETWEEN 2000 AND 2100),
  opens_on date,
  closes_on date,
  notice_url text,
  -- Optimistic concurrency: every change must name the version it saw.
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on IS NULL OR opens_on IS NULL OR closes_on >= opens_on)
);

-- Append-only history of every tender change.
CREATE TABLE tender_event (
  id bigserial PRIMARY KEY,
  tender_id integer NOT NULL REFERENCES tender (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text
);
CREATE INDEX tender_event_tender_idx ON tender_event (tender_id, at);

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER tender_event_append_only BEFORE UPDATE OR DELETE ON tender_event
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER tender_event_no_truncate BEFORE TRUNCATE ON tender_event
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- Marks which seed data set was loaded, so a restart never reseeds over users' edits.
CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
