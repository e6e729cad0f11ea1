import { HttpProblem } from '../../platform/errors';
import type { ProposedUse } from '@shared/schemas/sketch';
import { PLANDATA_GENERAL_USES } from '@shared/schemas/vocabulary';
import { BIDI_CONTROL_CLASS } from '@shared/schemas/workflow';

/** A sketch's attributes taken from an imported feature's properties. */
export interface ImportAttributes {
  title: string;
  proposed_use: ProposedUse;
  note: string;
  action_number: string | null;
}

/**
 * Control characters other than tab and line breaks, and bidirectional controls: the sketch's own routes refuse
 * them (PLAIN_TEXT_PATTERN). An import strips them instead (issue #19): attributes come from files written by
 * other programs, where they are noise, not the planner's typing, and a whole file should not fail for one
 * invisible mark. The preview shows the stripped text, which is what is saved.
 */
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F${BIDI_CONTROL_CLASS}]`, 'g');

/** The first of `keys` (any letter case, as Shapefile fields are often upper case) with a non-empty value. */
function pick(properties: Readonly<Record<string, unknown>>, keys: readonly string[]): string | null {
  const lower = new Map(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of keys) {
    const value = lower.get(key);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && value.replace(CONTROL, '').trim() !== '') return value.replace(CONTROL, '').trim();
  }
  return null;
}

/**
 * Maps a feature's properties to a sketch's attributes: title from title, name, navn or plannavn (else
 * "Import <n>", n counting from 1); proposed use from proposed_use or anvgen (a Plandata general-use code),
 * else `defaultUse`; note; action_number. Texts are cut to the columns' lengths. A proposed use or action
 * number of the wrong form is a 400 naming `features[i].properties.<field>`.
 */
export function importAttributes(
  properties: Readonly<Record<string, unknown>>,
  index: number,
  defaultUse: ProposedUse,
): ImportAttributes {
  const title = (pick(properties, ['title', 'name', 'navn', 'plannavn']) ?? `Import ${index + 1}`).slice(0, 200);
  const use = pick(properties, ['proposed_use', 'anvgen']);
  if (use !== null && !(PLANDATA_GENERAL_USES as readonly string[]).includes(use)) {
    throw HttpProblem.badRequest(
      `features[${index}].properties.proposed_use`,
      `"${use.slice(0, 20)}" is not a Plandata general use (${PLANDATA_GENERAL_USES.join(', ')})`,
    );
  }
  const action = pick(properties, ['action_number']);
  if (action !== null && !/^[0-9]{1,2}\.[0-9]{1,2}$/.test(action)) {
    throw HttpProblem.badRequest(
      `features[${index}].properties.action_number`,
      `"${action.slice(0, 20)}" is not a policy action number such as 3.2`,
    );
  }
  return {
    title,
    proposed_use: (use ?? defaultUse) as ProposedUse,
    note: (pick(properties, ['note']) ?? '').slice(0, 4000),
    action_number: action,
  };
}
