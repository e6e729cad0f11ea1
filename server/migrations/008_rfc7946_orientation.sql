-- RFC 7946 wants polygon exteriors counter-clockwise. ST_ForcePolygonCCW does that, but PostGIS 3.3 also
-- reverses LineStrings given to it (a saved line came back backwards): orient polygons only (issue #6).
CREATE FUNCTION rfc7946_orient(g geometry) RETURNS geometry
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE WHEN ST_Dimension(g) = 2 THEN ST_ForcePolygonCCW(g) ELSE g END $$;
