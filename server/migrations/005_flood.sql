-- Flood extents (issue #7, used by the plot finder of issue #4): the bathtub model's result for one water level
-- and dike state on one elevation model, kept so that every instance and every query (the finder's
-- "outside the flood scenario" filter, the affected list, the exposé) joins the same polygons by the GiST index.
CREATE TABLE flood_extent (
  -- The elevation model and barriers the extent was computed from (a hash); a new model never reuses old rows.
  model text NOT NULL CHECK (model ~ '^[0-9a-f]{16}$'),
  -- Still-water level in centimetres DVR90; the API takes metres with at most two decimals.
  level_cm integer NOT NULL CHECK (level_cm BETWEEN 0 AND 400),
  -- Whether the dike (Køge Dige, crest 2.8 m) blocks the sea.
  dike boolean NOT NULL,
  geom geometry(MultiPolygon, 25832) NOT NULL,
  flooded_area_m2 double precision NOT NULL CHECK (flooded_area_m2 >= 0),
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (model, level_cm, dike)
);
CREATE INDEX flood_extent_geom_idx ON flood_extent USING gist (geom);
