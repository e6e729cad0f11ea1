import { PLANDATA_GENERAL_USES } from '@shared/schemas/vocabulary';
import { field, FieldProblem, optionalDate, optionalNumber, required } from './registerFields';
import { REGISTER_LAYERS, type RegisterLayer } from './registerLayers';
import type { SourceFeature } from './SourceFeature';

/** A source feature mapped onto a layer: the row it becomes. */
export interface MappedFeature {
  layer: RegisterLayer;
  /** `site.id`, or for parcels `parcel.id` (digits). */
  id: string;
  name: string;
  kind: string;
  attributes: Record<string, unknown>;
}

export interface RegisterKind {
  id: string;
  /** Who publishes the register (site.source, layer.source). */
  publisher: string;
  licence: string;
  /**
   * True when features sharing an id are parts of one area (the ok-dk DAGI files split a municipality's islands
   * into features of their own): they are unioned. Otherwise a repeated id refuses the file.
   */
  mergesParts: boolean;
  /** Maps one feature; throws FieldProblem naming the field at fault. */
  map(feature: SourceFeature): MappedFeature;
}

const DAGI_LICENCE =
  'Indeholder data fra Klimadatastyrelsen, DAGI (frie geodata, vilkår for brug af frie geografiske data)';

const dagiKommune = (f: SourceFeature): MappedFeature | null => {
  const code = field(f.properties, ['kode', 'kommunekode', 'KOMKODE']);
  if (code === undefined) return null;
  if (!/^\d{1,4}$/.test(code)) throw new FieldProblem(`field kode "${code.slice(0, 20)}" is not a municipality code`);
  const kode = code.padStart(4, '0');
  const navn = required(f.properties, ['navn', 'KOMNAVN']);
  const l = REGISTER_LAYERS.kommuner;
  return {
    layer: l,
    id: `${l.sitePrefix}-${kode}`,
    name: `${navn} Kommune`,
    kind: 'kommune',
    attributes: { kode, navn },
  };
};

const dagiPostnummer = (f: SourceFeature): MappedFeature | null => {
  const nr = field(f.properties, ['nr', 'postnummer', 'POSTNR_TXT']);
  if (nr === undefined) return null;
  if (!/^\d{4}$/.test(nr)) throw new FieldProblem(`field nr "${nr.slice(0, 20)}" is not a four-digit postcode`);
  const navn = required(f.properties, ['navn', 'POSTBYNAVN']);
  const l = REGISTER_LAYERS.postnumre;
  return { layer: l, id: `${l.sitePrefix}-${nr}`, name: `${nr} ${navn}`, kind: 'postnummer', attributes: { nr, navn } };
};

/** DAGI municipalities (kode/navn, ok-dk KOMKODE/KOMNAVN) and postcodes (nr/navn, ok-dk POSTNR_TXT/POSTBYNAVN). */
const dagi: RegisterKind = {
  id: 'dagi',
  publisher: 'DAGI, Klimadatastyrelsen (Dataforsyningen)',
  licence: DAGI_LICENCE,
  mergesParts: true,
  map(f) {
    const mapped = dagiKommune(f) ?? dagiPostnummer(f);
    if (!mapped) {
      throw new FieldProblem(
        'is neither a municipality (field kode or KOMKODE) nor a postcode (field nr or POSTNR_TXT)',
      );
    }
    return mapped;
  },
};

const PLAN_LAYERS: Record<string, RegisterLayer> = {
  lokalplan: REGISTER_LAYERS.lokalplaner,
  kommuneplanramme: REGISTER_LAYERS.kommuneplanrammer,
};

/** Lokalplan or kommuneplanramme, from the WFS feature type (theme_pdk_lokalplan_vedtaget_v, …). */
function planLayer(f: SourceFeature, fixed: RegisterLayer | undefined): RegisterLayer {
  if (fixed) return fixed;
  const type = (f.typeName ?? '').toLowerCase();
  if (type.includes('lokalplan')) return REGISTER_LAYERS.lokalplaner;
  if (type.includes('kommuneplanramme') || type.includes('ramme')) return REGISTER_LAYERS.kommuneplanrammer;
  throw new FieldProblem(
    `its feature type "${(f.typeName ?? 'none').slice(0, 60)}" names neither a lokalplan nor a kommuneplanramme; ` +
      'use the kind plandata-lokalplaner or plandata-kommuneplanrammer',
  );
}

const PLAN_STATUSES = ['F', 'V'];

/** Plandata.dk's plan fields (../shared/reference/facts.md). */
const plandata = (fixed?: RegisterLayer): RegisterKind => ({
  id: fixed ? `plandata-${fixed === REGISTER_LAYERS.lokalplaner ? 'lokalplaner' : 'kommuneplanrammer'}` : 'plandata',
  publisher: 'Plandata.dk, Erhvervsstyrelsen',
  licence: 'Plandata.dk, Erhvervsstyrelsen: frie data',
  mergesParts: false,
  map(f) {
    const layer = planLayer(f, fixed);
    const planid = required(f.properties, ['planid']);
    if (!/^\d{1,12}$/.test(planid)) throw new FieldProblem(`field planid "${planid.slice(0, 20)}" is not a number`);
    const plannavn = required(f.properties, ['plannavn']);
    const plannr = required(f.properties, ['plannr']);
    const komnr = required(f.properties, ['komnr']);
    const status = required(f.properties, ['status']).toUpperCase();
    if (!PLAN_STATUSES.includes(status)) throw new FieldProblem(`field status "${status.slice(0, 10)}" is not F or V`);
    const anvgen = required(f.properties, ['anvgen']);
    if (!(PLANDATA_GENERAL_USES as readonly string[]).includes(anvgen)) {
      throw new FieldProblem(`field anvgen "${anvgen.slice(0, 10)}" is not one of ${PLANDATA_GENERAL_USES.join(', ')}`);
    }
    const doklink = field(f.properties, ['doklink']);
    if (doklink !== undefined && !/^https?:\/\//i.test(doklink)) {
      throw new FieldProblem('field doklink is not an http(s) link');
    }
    const kindName = Object.keys(PLAN_LAYERS).find((k) => PLAN_LAYERS[k] === layer)!;
    return {
      layer,
      id: `${layer.sitePrefix}-${planid}`,
      name: `${plannr} ${plannavn}`,
      kind: kindName,
      attributes: {
        planid: Number(planid),
        plannavn,
        plannr,
        komnr: Number(komnr),
        status,
        anvgen,
        bebygpct: optionalNumber(f.properties, 'bebygpct') ?? null,
        maxetager: optionalNumber(f.properties, 'maxetager') ?? null,
        maxbygnhjd: optionalNumber(f.properties, 'maxbygnhjd') ?? null,
        datovedt: optionalDate(f.properties, 'datovedt') ?? null,
        doklink: doklink ?? null,
      },
    };
  },
});

/** Jordstykker from Matriklen (Datafordeler): the parcel register that the tiles serve. */
const matrikel: RegisterKind = {
  id: 'matrikel',
  publisher: 'Matriklen, Geodatastyrelsen (Datafordeler)',
  licence: 'Matriklen, Geodatastyrelsen: frie data (Datafordeler)',
  mergesParts: false,
  map(f) {
    const lokalId = required(f.properties, ['id_lokalId', 'jordstykkeId', 'id']);
    if (!/^\d{1,15}$/.test(lokalId))
      throw new FieldProblem(`field id_lokalId "${lokalId.slice(0, 20)}" is not a number`);
    const matrikelnummer = required(f.properties, ['matrikelnummer', 'matrikelnr']);
    const ejerlavsnavn = required(f.properties, ['ejerlavsnavn', 'ejerlavnavn']);
    const ejerlavskode = field(f.properties, ['ejerlavskode', 'ejerlavLokalId']);
    if (ejerlavskode !== undefined && !/^\d{1,12}$/.test(ejerlavskode)) {
      throw new FieldProblem('field ejerlavskode is not a number');
    }
    const bfe = field(f.properties, ['samletFastEjendomLokalId', 'bfenummer', 'BFEnummer']);
    if (bfe !== undefined && !/^\d{1,12}$/.test(bfe)) throw new FieldProblem('field bfenummer is not a number');
    const l = REGISTER_LAYERS.jordstykker;
    return {
      layer: l,
      id: lokalId,
      name: `${matrikelnummer} ${ejerlavsnavn}`,
      kind: 'jordstykke',
      attributes: { matrikelnummer, ejerlavsnavn, ejerlavskode: ejerlavskode ?? null, bfe: bfe ?? null },
    };
  },
};

/** The kinds `npm run import` reads feature by feature (osm has an importer of its own, importOsm). */
export const REGISTER_KINDS: Record<string, RegisterKind> = {
  dagi,
  plandata: plandata(),
  'plandata-lokalplaner': plandata(REGISTER_LAYERS.lokalplaner),
  'plandata-kommuneplanrammer': plandata(REGISTER_LAYERS.kommuneplanrammer),
  matrikel,
};
