import type { TenderStatus } from '../../../server/src/schemas/common';
import { TENDER_STATUS_COLORS } from '../map/tenderColors';
import { useT } from './useT';

/** A tender status as its map colour and its name; "no status" for a plot without a tender. */
export function TenderStatusBadge({ status, testId }: { status: TenderStatus | null; testId?: string }) {
  const t = useT();
  return (
    <span className="status" data-testid={testId} data-status={status ?? ''}>
      {status && (
        <span className="status__chip" style={{ background: TENDER_STATUS_COLORS[status] }} aria-hidden="true" />
      )}
      {status ? t(`status.${status}`) : t('legend.noStatus')}
    </span>
  );
}
