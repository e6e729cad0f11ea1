import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { OsmBatch } from './osmRows';

/** Writes staged rows to the database; `end` waits until all of them are in. */
export interface OsmStageWriter {
  write(batch: OsmBatch): Promise<void>;
  end(): Promise<void>;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value for COPY's text format (backslash, tab and line breaks are special), or \N for null. */
const copyText = (value: string | null) =>
  value === null ? '\\N' : value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);

const STAGE_COPY =
  'COPY osm_feature_next (id, n, line, osm_id, layer_id, class, name, ref, checked, geom, geom_3857) FROM STDIN';
const NODE_COPY = 'COPY osm_node (id, lon, lat) FROM STDIN';
const MEMBER_COPY = 'COPY osm_member (id, geom) FROM STDIN';
const RELATION_COPY = 'COPY osm_relation (n, line, id, layer_id, class, name, ref, ways) FROM STDIN';
const WAY_COPY = 'COPY osm_way (n, line, id, layer_id, kind, name, ref, polygon, refs) FROM STDIN';

/**
 * PostgreSQL: COPY FROM STDIN in text format (geometry as hex EWKB), one COPY open at a time (a connection runs
 * one), switched between tables as the file goes from one kind of row to another. The server takes the rows while
 * the reader goes on (two processes, two cores); a full socket makes `write` wait (back-pressure), so memory stays
 * bounded.
 */
export function copyOsmStage(db: pg.ClientBase): OsmStageWriter {
  let open: { sql: string; stream: ReturnType<typeof copyFrom>; done: Promise<void> } | null = null;
  const close = async () => {
    if (!open) return;
    const { stream, done } = open;
    open = null;
    stream.end();
    await done;
  };
  const send = async (sql: string, text: string) => {
    if (open?.sql !== sql) {
      await close();
      const stream = db.query(copyFrom(sql));
      open = { sql, stream, done: finished(stream) };
      // A failed COPY rejects `done`; awaited in close(), it must not be reported as unhandled before that.
      open.done.catch(() => {});
    }
    const { stream, done } = open;
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), done]);
  };
  return {
    async write(b) {
      if (b.built.length > 0) {
        let text = '';
        for (const w of b.built) {
          text +=
            `${w.layerId}-way-${w.id}\t${w.n}\t${w.line}\t${w.id}\t${w.layerId}\t${copyText(w.kind)}\t` +
            `${copyText(w.name)}\t${copyText(w.ref)}\t${w.check ? 'f' : 't'}\t${w.geom}\t${w.geom3857}\n`;
        }
        await send(STAGE_COPY, text);
      }
      if (b.members.length > 0) {
        let text = '';
        for (const m of b.members) text += `${m.id}\t${m.geom}\n`;
        await send(MEMBER_COPY, text);
      }
      if (b.relations.length > 0) {
        let text = '';
        for (const r of b.relations) {
          text +=
            `${r.n}\t${r.line}\t${r.id}\t${r.layerId}\t${copyText(r.kind)}\t${copyText(r.name)}\t` +
            `${copyText(r.ref)}\t{${r.ways.join(',')}}\n`;
        }
        await send(RELATION_COPY, text);
      }
      if (b.nodeIds.length > 0) {
        let text = '';
        for (let i = 0; i < b.nodeIds.length; i++) text += `${b.nodeIds[i]}\t${b.lons[i]}\t${b.lats[i]}\n`;
        await send(NODE_COPY, text);
      }
      if (b.ways.length > 0) {
        let text = '';
        for (const w of b.ways) {
          text +=
            `${w.n}\t${w.line}\t${w.id}\t${w.layerId}\t${copyText(w.kind)}\t${copyText(w.name)}\t` +
            `${copyText(w.ref)}\t${w.polygon ? 't' : 'f'}\t{${w.refs.join(',')}}\n`;
        }
        await send(WAY_COPY, text);
      }
    },
    end: close,
  };
}

/** The embedded engine: one INSERT of unnested arrays per batch and table. */
export function insertOsmStage(db: pg.ClientBase): OsmStageWriter {
  return {
    async write(b) {
      if (b.built.length > 0) {
        const w = b.built;
        await db.query(
          `INSERT INTO osm_feature_next (id, n, line, osm_id, layer_id, class, name, ref, checked, geom, geom_3857)
           SELECT layer_id || '-way-' || id, n, line, id, layer_id, class, name, ref, checked, geom::geometry,
                  geom_3857::geometry
             FROM unnest($1::int[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                         $8::bool[], $9::text[], $10::text[])
                  AS t(n, line, id, layer_id, class, name, ref, checked, geom, geom_3857)`,
          [
            w.map((r) => r.n),
            w.map((r) => r.line),
            w.map((r) => r.id),
            w.map((r) => r.layerId),
            w.map((r) => r.kind),
            w.map((r) => r.name),
            w.map((r) => r.ref),
            w.map((r) => !r.check),
            w.map((r) => r.geom),
            w.map((r) => r.geom3857),
          ],
        );
      }
      if (b.members.length > 0) {
        await db.query(
          'INSERT INTO osm_member (id, geom) SELECT id, geom::geometry FROM unnest($1::bigint[], $2::text[]) AS t(id, geom)',
          [b.members.map((m) => m.id), b.members.map((m) => m.geom)],
        );
      }
      if (b.relations.length > 0) {
        const r = b.relations;
        await db.query(
          `INSERT INTO osm_relation (n, line, id, layer_id, class, name, ref, ways)
           SELECT n, line, id, layer_id, class, name, ref, ways::bigint[]
             FROM unnest($1::int[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                         $8::text[]) AS t(n, line, id, layer_id, class, name, ref, ways)`,
          [
            r.map((x) => x.n),
            r.map((x) => x.line),
            r.map((x) => x.id),
            r.map((x) => x.layerId),
            r.map((x) => x.kind),
            r.map((x) => x.name),
            r.map((x) => x.ref),
            r.map((x) => `{${x.ways.join(',')}}`),
          ],
        );
      }
      if (b.nodeIds.length > 0) {
        await db.query(
          'INSERT INTO osm_node (id, lon, lat) SELECT * FROM unnest($1::bigint[], $2::float8[], $3::float8[])',
          [b.nodeIds, b.lons, b.lats],
        );
      }
      if (b.ways.length > 0) {
        await db.query(
          `INSERT INTO osm_way (n, line, id, layer_id, kind, name, ref, polygon, refs)
           SELECT n, line, id, layer_id, kind, name, ref, polygon, refs::bigint[]
             FROM unnest($1::int[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                         $8::bool[], $9::text[])
                  AS t(n, line, id, layer_id, kind, name, ref, polygon, refs)`,
          [
            b.ways.map((w) => w.n),
            b.ways.map((w) => w.line),
            b.ways.map((w) => w.id),
            b.ways.map((w) => w.layerId),
            b.ways.map((w) => w.kind),
            b.ways.map((w) => w.name),
            b.ways.map((w) => w.ref),
            b.ways.map((w) => w.polygon),
            b.ways.map((w) => `{${w.refs.join(',')}}`),
          ],
        );
      }
    },
    end: async () => {},
  };
}
