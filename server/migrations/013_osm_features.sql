-- OpenStreetMap layers get a table of their own (issue #16): `site`, with its generated columns, validity check,
-- two GiST indexes and per-row triggers, took only 12-23k ways/s of bare writes, and an OSM import must reach 50k.
-- `npm run import -- osm` builds the next `osm_feature` in one transaction (the layers it does not touch copied
-- over, its own layers loaded, indexes built once after the load) and puts it in place of the old one.

ALTER TABLE layer DROP CONSTRAINT IF EXISTS layer_source_table_check;
ALTER TABLE layer ADD CONSTRAINT layer_source_table_check CHECK (source_table IN ('site', 'parcel', 'osm'));

-- What a layer of its own table holds, written by the import that fills it (count(*) and ST_Extent over a country's
-- buildings would cost every page load): the number of features and their [west, south, east, north] in EPSG:4326.
ALTER TABLE layer
  ADD COLUMN imported_features bigint CHECK (imported_features >= 0),
  ADD COLUMN imported_bbox float8[] CHECK (cardinality(imported_bbox) = 4);

-- One row per drawn OSM way or multipolygon relation: `id` is `${layer}-way-${osm id}` as the site ids were (or
-- `${layer}-rel-${osm id}`), `class` the
-- highway/railway/waterway/landuse/building value or "water". Geometry in EPSG:25832 and, for the tiles, 3857, both
-- written by the import (not generated), valid and not empty (the import repairs or refuses before the swap).
-- Source, licence and import time are the layer's (layer.source, licence, imported_at), the same for all its rows.
-- Ids compare byte-wise (COLLATE "C"): the primary key is built anew by every import, and a locale's rules made
-- that build several times slower, for an order no reader needs.
CREATE TABLE osm_feature (
  id text COLLATE "C" NOT NULL,
  layer_id text NOT NULL,
  osm_type text NOT NULL DEFAULT 'way' CHECK (osm_type IN ('way', 'relation')),
  osm_id bigint NOT NULL,
  class text NOT NULL,
  name text,
  ref text,
  geom geometry(Geometry, 25832) NOT NULL,
  geom_3857 geometry(Geometry, 3857) NOT NULL,
  accuracy text NOT NULL DEFAULT 'official' CHECK (accuracy IN ('official', 'illustrative')),
  imported_at timestamptz NOT NULL DEFAULT now()
);

-- Earlier OSM imports wrote into `site`: their rows move over, their layers point at the new table.
INSERT INTO osm_feature (id, layer_id, osm_id, class, name, ref, geom, geom_3857, accuracy, imported_at)
SELECT s.id, s.layer_id, (s.attributes ->> 'osm_id')::bigint, s.kind, nullif(s.attributes ->> 'name', ''),
       nullif(s.attributes ->> 'ref', ''), s.geom, s.geom_3857, s.accuracy,
       coalesce((s.attributes ->> 'imported_at')::timestamptz, now())
  FROM site s
 WHERE s.layer_id IN ('osm-landuse', 'osm-water', 'osm-waterways', 'osm-buildings', 'osm-roads', 'osm-railways')
   AND s.attributes ? 'osm_id';
SET LOCAL koege.register_import = 'on';
DELETE FROM site
 WHERE layer_id IN ('osm-landuse', 'osm-water', 'osm-waterways', 'osm-buildings', 'osm-roads', 'osm-railways');
UPDATE layer l
   SET source_table = 'osm', version = l.version + 1,
       imported_features = (SELECT count(*) FROM osm_feature f WHERE f.layer_id = l.id),
       imported_bbox = (SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)]
                          FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(f.geom_3857)::geometry, 3857), 4326) AS e
                                  FROM osm_feature f WHERE f.layer_id = l.id) x WHERE e IS NOT NULL)
 WHERE l.id IN ('osm-landuse', 'osm-water', 'osm-waterways', 'osm-buildings', 'osm-roads', 'osm-railways');

-- The import builds these again, under the same names, on the table it puts in place.
ALTER TABLE osm_feature ADD CONSTRAINT osm_feature_pkey PRIMARY KEY (id);
ALTER TABLE osm_feature ADD CONSTRAINT osm_feature_layer_fkey FOREIGN KEY (layer_id) REFERENCES layer (id);
CREATE INDEX osm_feature_layer_idx ON osm_feature (layer_id);
CREATE INDEX osm_feature_geom_3857_idx ON osm_feature USING gist (geom_3857);

-- Read by the app (default privileges of migration 010), written only by the import command (the owner).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON osm_feature FROM koege_app;
