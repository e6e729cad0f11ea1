/**
 * The bad-input corpus of issue #8: requests a client may send that the server must refuse with a 4xx
 * problem+json naming what is wrong, changing nothing. `param` is the name the problem must give (in
 * `invalid-params`), where the fault is one parameter or field.
 */
export type { Auth, BadInput } from './badInputs/common';
import { BAD_READS } from './badInputs/reads';
import { BAD_ACCESS } from './badInputs/access';
import { BAD_WORKFLOW } from './badInputs/workflow';
import { BAD_SKETCH_BODIES } from './badInputs/sketchBodies';
import { BAD_SKETCH_IDS } from './badInputs/sketchIds';
import { BAD_IMPORT_OGC } from './badInputs/importOgc';
import type { BadInput } from './badInputs/common';

/** Every case, in the order they were written: public reads, access, workflow, sketches, import and OGC. */
export const BAD_INPUTS: BadInput[] = [
  ...BAD_READS,
  ...BAD_ACCESS,
  ...BAD_WORKFLOW,
  ...BAD_SKETCH_BODIES,
  ...BAD_SKETCH_IDS,
  ...BAD_IMPORT_OGC,
];
