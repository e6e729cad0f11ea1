-- Planners' sketches of additions to the kommuneplan (issue #6). A sketch is an identity; every save is a new,
-- immutable row in sketch_version, so any earlier state can be viewed and restored. Deleting is soft.

CREATE TABLE sketch (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The newest row in sketch_version; optimistic concurrency (If-Match) compares against it.
  current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by integer REFERENCES app_user (id),
  deleted_at timestamptz,
  deleted_by integer REFERENCES app_user (id)
);
CREATE INDEX sketch_live_idx ON sketch (created_at) WHERE deleted_at IS NULL;

CREATE TABLE sketch_version (
  sketch_id uuid NOT NULL REFERENCES sketch (id),
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL CHECK (title <> '' AND length(title) <= 200),
  -- Plandata's general use (anvgen): 11 bolig, 21 blandet bolig og erhverv, 31 erhverv, 41 center, 51 rekreativt,
  -- 61 sommerhus, 71 offentlige formål, 81 tekniske anlæg, 91 landområde, 96 andet.
  proposed_use text NOT NULL CHECK (proposed_use IN ('11', '21', '31', '41', '51', '61', '71', '81', '91', '96')),
  action_number text REFERENCES action (number),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
  -- EPSG:25832; only valid, non-empty geometry is stored (see DESIGN.md on the engines' GEOS differences).
  geom geometry(Geometry, 25832) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
  area_m2 double precision GENERATED ALWAYS AS (CASE WHEN ST_Dimension(geom) = 2 THEN ST_Area(geom) END) STORED,
  perimeter_m double precision GENERATED ALWAYS AS (CASE WHEN ST_Dimension(geom) = 2 THEN ST_Perimeter(geom) END) STORED,
  length_m double precision GENERATED ALWAYS AS (CASE WHEN ST_Dimension(geom) = 1 THEN ST_Length(geom) END) STORED,
  -- How this version came about; restored_from names the version a restore copied.
  change text NOT NULL CHECK (change IN ('created', 'edited', 'restored', 'imported', 'repaired')),
  restored_from integer,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  actor_role text CHECK (actor_role IN ('planner', 'admin')),
  actor_user_id integer REFERENCES app_user (id),
  PRIMARY KEY (sketch_id, version)
);
CREATE INDEX sketch_version_geom_idx ON sketch_version USING gist (geom);

-- Versions are history: never changed or removed.
CREATE TRIGGER sketch_version_append_only BEFORE UPDATE OR DELETE ON sketch_version
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Every deletion and undeletion, for the audit trail (who, when).
CREATE TABLE sketch_event (
  id bigserial PRIMARY KEY,
  sketch_id uuid NOT NULL REFERENCES sketch (id),
  kind text NOT NULL CHECK (kind IN ('deleted', 'undeleted')),
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  actor_role text CHECK (actor_role IN ('planner', 'admin')),
  actor_user_id integer REFERENCES app_user (id)
);
CREATE INDEX sketch_event_sketch_idx ON sketch_event (sketch_id, at);

-- The current state of each sketch (deleted ones included; filter on deleted_at).
CREATE VIEW sketch_current AS
  SELECT s.id, s.created_at, s.deleted_at, v.*
  FROM sketch s
  JOIN sketch_version v ON v.sketch_id = s.id AND v.version = s.current_version;
