-- Vector tiles (issue #3): per-layer zoom range and feature cap, a table for large parcel registers,
-- and layer versions that every change bumps, so caches keyed by version never serve a stale tile.
ALTER TABLE layer
  ADD COLUMN min_zoom integer NOT NULL DEFAULT 0 CHECK (min_zoom BETWEEN 0 AND 22),
  ADD COLUMN max_zoom integer NOT NULL DEFAULT 22 CHECK (max_zoom BETWEEN 0 AND 22),
  -- Most features one tile may carry; keeps tiles small on dense layers.
  ADD COLUMN tile_feature_cap integer NOT NULL DEFAULT 20000 CHECK (tile_feature_cap > 0),
  -- Where the layer's features live: the authored `site` table or the `parcel` register.
  ADD COLUMN source_table text NOT NULL DEFAULT 'site' CHECK (source_table IN ('site', 'parcel')),
  ADD CONSTRAINT layer_zoom_range CHECK (min_zoom <= max_zoom);

-- Cadastral parcels (real registers, or the synthetic set of `npm run synth`), in EPSG:25832.
CREATE TABLE parcel (
  id bigint PRIMARY KEY,
  layer_id text NOT NULL REFERENCES layer (id),
  matrikelnr text NOT NULL,
  ejerlav text NOT NULL,
  geom geometry(Polygon, 25832) NOT NULL,
  geom_3857 geometry(Polygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
  area_m2 double precision GENERATED ALWAYS AS (ST_Area(geom)) STORED
);
CREATE INDEX parcel_layer_idx ON parcel (layer_id);
CREATE INDEX parcel_geom_3857_idx ON parcel USING gist (geom_3857);

CREATE FUNCTION bump_layer_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE layer SET version = version + 1
   WHERE id IN (SELECT s.layer_id FROM site s
                 WHERE s.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.site_id ELSE NEW.site_id END);
  RETURN NULL;
END;
$$;
CREATE TRIGGER tender_bumps_layer AFTER INSERT OR UPDATE OR DELETE ON tender
  FOR EACH ROW EXECUTE FUNCTION bump_layer_version();

CREATE FUNCTION bump_site_layer_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN UPDATE layer SET version = version + 1 WHERE id = OLD.layer_id; END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.layer_id IS DISTINCT FROM OLD.layer_id) THEN
    UPDATE layer SET version = version + 1 WHERE id = NEW.layer_id;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER site_bumps_layer AFTER INSERT OR UPDATE OR DELETE ON site
  FOR EACH ROW EXECUTE FUNCTION bump_site_layer_version();

