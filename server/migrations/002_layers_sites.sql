CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE layer (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  title_da text NOT NULL,
  title_en text NOT NULL,
  theme text NOT NULL CHECK (theme IN ('erhverv', 'energi', 'klima', 'infrastruktur', 'kontekst')),
  geometry_type text NOT NULL CHECK (geometry_type IN ('polygon', 'line', 'point')),
  style jsonb NOT NULL DEFAULT '{}',
  sort_order integer NOT NULL,
  -- Bumped on every change to the layer's features; cache keys (tiles, ETags) derive from it.
  version integer NOT NULL DEFAULT 1
);

-- Geometry is stored in EPSG:25832 (ETRS89 / UTM 32N, metres), the Danish standard; only valid geometry is stored.
CREATE TABLE site (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  layer_id text NOT NULL REFERENCES layer (id),
  name text NOT NULL CHECK (name <> ''),
  kind text NOT NULL,
  geom geometry(Geometry, 25832) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
  -- Web Mercator copy for tile queries, so tiles need no per-row transform.
  geom_3857 geometry(Geometry, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
  area_m2 double precision GENERATED ALWAYS AS (CASE WHEN ST_Dimension(geom) = 2 THEN ST_Area(geom) END) STORED,
  length_m double precision GENERATED ALWAYS AS (CASE WHEN ST_Dimension(geom) = 1 THEN ST_Length(geom) END) STORED,
  plan_use text CHECK (plan_use IN ('production', 'logistics', 'office', 'mixed', 'energy', 'health')),
  max_height_m numeric CHECK (max_height_m > 0),
  plot_ratio_pct numeric CHECK (plot_ratio_pct > 0),
  building_rights text,
  description text NOT NULL DEFAULT '',
  source text NOT NULL CHECK (source <> ''),
  accuracy text NOT NULL CHECK (accuracy IN ('official', 'sourced', 'approximate', 'illustrative')),
  attributes jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX site_layer_idx ON site (layer_id);
CREATE INDEX site_geom_idx ON site USING gist (geom);
CREATE INDEX site_geom_3857_idx ON site USING gist (geom_3857);

CREATE TABLE site_action (
  site_id text NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  action_number text NOT NULL REFERENCES action (number),
  PRIMARY KEY (site_id, action_number)
);
CREATE INDEX site_action_action_idx ON site_action (action_number);
