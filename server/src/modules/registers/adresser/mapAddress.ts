import { outOfRange } from '../registerCrs';
import { FieldProblem, required } from '../registerFields';
import type { RegisterSrid } from '../SourceFeature';
import type { AddressRecord } from './readAddressRecords';

/** An address checked and ready to stage; the point still in its file's CRS. */
export interface AddressRow {
  n: number;
  line: number | null;
  id: string;
  vejnavn: string;
  husnr: string;
  postnr: string;
  postnrnavn: string;
  x: number;
  y: number;
  srid: RegisterSrid;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A Danish house number: 1–999 and an optional capital letter ("12A"), as the address table checks. */
const HUSNR = /^[0-9]{1,3}[A-Z]?$/;
const MAX_NAME = 200;

const text = (value: string, name: string) => {
  if (value.length > MAX_NAME) throw new FieldProblem(`field ${name} is longer than ${MAX_NAME} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new FieldProblem(`field ${name} holds a control character`);
  return value;
};

/** Checks one record's fields and point (in Denmark, in its CRS); throws FieldProblem naming what is wrong. */
export function mapAddress(r: AddressRecord): AddressRow {
  const id = required(r.properties, ['id']);
  if (!UUID.test(id)) throw new FieldProblem(`field id "${id.slice(0, 40)}" is not a UUID`);
  const husnr = required(r.properties, ['husnr']);
  if (!HUSNR.test(husnr)) throw new FieldProblem(`field husnr "${husnr.slice(0, 20)}" is not a house number`);
  const postnr = required(r.properties, ['postnr']);
  if (!/^[0-9]{4}$/.test(postnr)) throw new FieldProblem(`field postnr "${postnr.slice(0, 20)}" is not four digits`);
  const vejnavn = text(required(r.properties, ['vejnavn']), 'vejnavn');
  const postnrnavn = text(required(r.properties, ['postnrnavn']), 'postnrnavn');
  if (typeof r.x !== 'number' || typeof r.y !== 'number' || !Number.isFinite(r.x) || !Number.isFinite(r.y)) {
    throw new FieldProblem('has no point (coordinates missing or not numbers)');
  }
  const far = outOfRange(r.x, r.y, r.srid, r.crsName);
  if (far) throw new FieldProblem(far);
  return {
    n: r.n,
    line: r.line ?? null,
    id: id.toLowerCase(),
    vejnavn,
    husnr,
    postnr,
    postnrnavn,
    x: r.x,
    y: r.y,
    srid: r.srid,
  };
}
