import type { MessageKey } from '@shared/i18n/da';
import type { WriteProblem } from './WriteProblem';
import { TENDER_FIELD_LABELS } from './tenderFieldLabels';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const fieldLabel = (name: string, t: T): string =>
  Object.hasOwn(TENDER_FIELD_LABELS, name)
    ? t(TENDER_FIELD_LABELS[name as keyof typeof TENDER_FIELD_LABELS])
    : name === 'to'
      ? t('workflow.to')
      : name;

/** A refused change as a sentence; `staleKey` says what was reloaded after someone else saved first. */
export function writeProblemText({
  problem,
  t,
  staleKey,
}: {
  problem: WriteProblem;
  t: T;
  staleKey: MessageKey;
}): string {
  switch (problem.kind) {
    case 'stale':
      return t(staleKey);
    case 'illegal':
      return t('workflow.illegal', {
        from: problem.from === null ? '?' : t(`status.${problem.from}`),
        allowed: problem.allowed.map((state) => t(`status.${state}`)).join(', '),
      });
    case 'invalid':
      return t('workflow.invalid', {
        fields: problem.fields.map((f) => `${fieldLabel(f.name, t)} (${f.reason})`).join('; '),
      });
    case 'denied':
      return t('workflow.denied');
    case 'error':
      return t('workflow.error', { message: problem.message });
  }
}
