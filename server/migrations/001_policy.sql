-- Policy of Køge Kommune's business strategy: ten initiatives (indsatser), each with numbered actions (handlinger).
CREATE TABLE initiative (
  number integer PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
  title text NOT NULL CHECK (title <> ''),
  goal text NOT NULL CHECK (goal <> '')
);

CREATE TABLE action (
  number text PRIMARY KEY CHECK (number ~ '^[0-9]{1,2}\.[0-9]{1,2}$'),
  initiative_number integer NOT NULL REFERENCES initiative (number),
  position integer NOT NULL CHECK (position >= 1),
  text text NOT NULL CHECK (text <> ''),
  progress text NOT NULL DEFAULT 'not_started' CHECK (progress IN ('not_started', 'in_progress', 'done')),
  progress_note text,
  progress_updated_at timestamptz,
  UNIQUE (initiative_number, position)
);
