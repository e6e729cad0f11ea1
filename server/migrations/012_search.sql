-- One search box (issue #21): GET /api/search looks through sites, plots and place names, the policy, cadastral
-- parcels and addresses. Each kind is matched on a folded search key (search_fold below), a stored generated column
-- of its own table with its indexes: computed once per write, never per search, and current after every insert,
-- update and delete without a trigger or a refresh.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the schema owner may create it; PGlite ships it as contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Folds Danish (and a few neighbouring) letters to ASCII both ways: å and aa both become "aa", ø and oe "oe", æ and
-- ae "ae", so "Koege" finds "Køge" and "Aabenraa" finds "Åbenrå". Everything but letters, digits, "." and "-"
-- becomes a space (numbers are kept as typed: "1.4", "kn-05"); LIKE's wildcards % and _ are among what goes, so a
-- folded text can be put into a LIKE pattern as it is. Upper case is mapped by hand, since lower() leaves non-ASCII
-- letters alone under the C locale (the embedded engine's). Other accents lose their mark only (é → e).
CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(
    translate(
      replace(replace(replace(replace(replace(replace(
        lower(translate(t, 'ÅÆØÄÖÜÉÈÊËÁÀÂÍÌÎÏÓÒÔÚÙÛÝÇÑ', 'åæøäöüéèêëáàâíìîïóòôúùûýçñ')),
        'å', 'aa'), 'æ', 'ae'), 'ø', 'oe'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'),
      'éèêëáàâíìîïóòôúùûýçñ', 'eeeeaaaiiiiooouuuycn'),
    '[^a-z0-9.-]+', ' ', 'g'));
$$;

-- A site is found by its name, its id ("kn-05"), its label and the plan it belongs to ("lokalplan 1088", Plandata's
-- plan number).
CREATE FUNCTION site_search_key(name text, id text, attributes jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.search_fold(concat_ws(' ', name, id, attributes ->> 'label',
                               'lokalplan ' || (attributes ->> 'lokalplan'), attributes ->> 'plannr'));
$$;
ALTER TABLE site ADD COLUMN search_key text COLLATE "C" GENERATED ALWAYS AS (site_search_key(name, id, attributes)) STORED;
CREATE INDEX site_search_trgm_idx ON site USING gin (search_key gin_trgm_ops);

-- Policy actions by number and text ("3.6 Køge Dige skal …"), initiatives as "indsats 3 <title>".
ALTER TABLE action ADD COLUMN search_key text COLLATE "C" GENERATED ALWAYS AS (search_fold(number || ' ' || text)) STORED;
ALTER TABLE initiative
  ADD COLUMN search_key text COLLATE "C" GENERATED ALWAYS AS (search_fold('indsats ' || number || ' ' || title)) STORED;

-- A parcel is found as it is written: "5ae Ølsemagle By, Ølsemagle", matrikel number then ejerlav; its BFE number
-- is looked up exactly.
CREATE FUNCTION parcel_search_key(matrikelnr text, ejerlav text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT public.search_fold(matrikelnr || ' ' || ejerlav);
$$;
ALTER TABLE parcel ADD COLUMN search_key text COLLATE "C" GENERATED ALWAYS AS (parcel_search_key(matrikelnr, ejerlav)) STORED;
-- Prefixes (autocomplete) through the b-tree, substrings and typos through the trigrams. The keys are ASCII in the
-- "C" collation, so one b-tree serves both LIKE 'prefix%' and ORDER BY (text_pattern_ops does not sort for an
-- ORDER BY under a database collation such as C.UTF-8: the planner then sorted every match).
CREATE INDEX parcel_search_prefix_idx ON parcel (search_key);
CREATE INDEX parcel_search_trgm_idx ON parcel USING gin (search_key gin_trgm_ops);
CREATE INDEX parcel_bfe_idx ON parcel (bfe) WHERE bfe IS NOT NULL;

-- Addresses (adgangsadresser) from Dataforsyningen's address register, loaded by `npm run import -- adresser`.
CREATE TABLE address (
  id uuid PRIMARY KEY,
  vejnavn text NOT NULL CHECK (vejnavn <> ''),
  husnr text NOT NULL CHECK (husnr ~ '^[0-9]{1,3}[A-Z]?$'),
  postnr text NOT NULL CHECK (postnr ~ '^[0-9]{4}$'),
  postnrnavn text NOT NULL CHECK (postnrnavn <> ''),
  geom geometry(Point, 25832) NOT NULL,
  accuracy text NOT NULL DEFAULT 'official' CHECK (accuracy IN ('official', 'illustrative')),
  -- As an address is written and typed: "Vestergade 12, 4600 Køge", folded.
  search_key text COLLATE "C" GENERATED ALWAYS AS (public.search_fold(vejnavn || ' ' || husnr || ' ' || postnr || ' ' || postnrnavn)) STORED
);
CREATE INDEX address_search_prefix_idx ON address (search_key);
CREATE INDEX address_search_trgm_idx ON address USING gin (search_key gin_trgm_ops);

-- One row per address import: from where, and what changed.
CREATE TABLE address_import (
  id bigserial PRIMARY KEY,
  source text NOT NULL CHECK (source <> ''),
  licence text NOT NULL CHECK (licence <> ''),
  imported_at timestamptz NOT NULL DEFAULT now(),
  features integer NOT NULL CHECK (features >= 0),
  inserted integer NOT NULL CHECK (inserted >= 0),
  updated integer NOT NULL CHECK (updated >= 0),
  removed integer NOT NULL CHECK (removed >= 0)
);

-- Least privilege (migration 010): koege_app reads these through the default privileges; only the owner (the
-- import command) writes them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON address, address_import FROM koege_app;
