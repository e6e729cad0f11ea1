import type { TenderStatus } from '@shared/schemas/common';
import type { Lang } from '@shared/i18n/Lang';
import { translate } from '../../app/i18n';
import { TENDER_STATUS_COLORS } from '../../map/tenderColors';

/**
 * A tender status as its map colour and its name; "no status" for a plot without a tender. Takes the language
 * rather than reading the store, so that pages without the map's store (the exposé) can use it too.
 */
export function TenderStatusBadge({
  status,
  lang,
  testId,
}: {
  status: TenderStatus | null;
  lang: Lang;
  testId?: string;
}) {
  return (
    <span className="status" data-testid={testId} data-status={status ?? ''}>
      {status && (
        <span className="status__chip" style={{ background: TENDER_STATUS_COLORS[status] }} aria-hidden="true" />
      )}
      {status ? translate(lang, `status.${status}`) : translate(lang, 'legend.noStatus')}
    </span>
  );
}
