-- Official registers (issue #16, part 3): `npm run import -- <kind> <file or URL>` loads DAGI, Plandata.dk and
-- Matriklen into `layer`/`site` and `parcel`, as the command-line owner, in one transaction per import.

-- Where an imported layer comes from: shown with the layer; null for the seed's own layers.
ALTER TABLE layer
  ADD COLUMN source text CHECK (source <> ''),
  ADD COLUMN licence text CHECK (licence <> ''),
  ADD COLUMN imported_at timestamptz;

-- Parcels from Matriklen carry their cadastral keys; the synthetic ones (npm run synth) are illustrative.
ALTER TABLE parcel
  ADD COLUMN accuracy text NOT NULL DEFAULT 'illustrative' CHECK (accuracy IN ('official', 'illustrative')),
  ADD COLUMN ejerlavskode bigint,
  ADD COLUMN bfe bigint;

-- One row per layer per import: what was loaded, from where, and what was repaired or removed.
CREATE TABLE register_import (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  layer_id text NOT NULL REFERENCES layer (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source <> ''),
  licence text NOT NULL CHECK (licence <> ''),
  imported_at timestamptz NOT NULL DEFAULT now(),
  features integer NOT NULL CHECK (features >= 0),
  repaired integer NOT NULL CHECK (repaired >= 0),
  removed integer NOT NULL CHECK (removed >= 0)
);
CREATE INDEX register_import_layer_idx ON register_import (layer_id, imported_at DESC);

-- Plans are sites of the Plandata layers: the site detail finds those covering a plot, the finder filters by
-- their general use.
CREATE INDEX site_plan_anvgen_idx ON site ((attributes ->> 'anvgen'))
  WHERE layer_id IN ('plandata-lokalplaner', 'plandata-kommuneplanrammer');

-- Least privilege (migration 010): koege_app reads the new table through the default privileges; only the owner
-- (the import command) writes it. Said here so that a grant is never added by accident.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON register_import FROM koege_app;

-- An import writes thousands of sites to one layer: bumping the layer's version once per row made it crawl (one
-- UPDATE of the same layer row per site). The import sets koege.register_import for its transaction and bumps the
-- version of each layer it writes itself, once; every other write still bumps per row, as before.
CREATE OR REPLACE FUNCTION bump_site_layer_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('koege.register_import', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN UPDATE layer SET version = version + 1 WHERE id = OLD.layer_id; END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.layer_id IS DISTINCT FROM OLD.layer_id) THEN
    UPDATE layer SET version = version + 1 WHERE id = NEW.layer_id;
  END IF;
  RETURN NULL;
END;
$$;
