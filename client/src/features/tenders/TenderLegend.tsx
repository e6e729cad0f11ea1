import { TENDER_STATUSES } from '../../api/vocabulary';
import { NO_TENDER_STATUS_COLOR, TENDER_STATUS_COLORS } from '../../map/tenderColors';
import { useT } from '../../app/useT';

/** The tender-status colour key shown under a layer filled "by-tender-status". */
export function TenderLegend() {
  const t = useT();
  return (
    <div className="tender-legend">
      <p className="tender-legend__title">{t('legend.tenderStatus')}</p>
      <ul className="tender-legend__list">
        {TENDER_STATUSES.map((status) => (
          <li key={status} className="tender-legend__item">
            <span
              className="tender-legend__chip"
              style={{ background: TENDER_STATUS_COLORS[status] }}
              aria-hidden="true"
            />
            {t(`status.${status}`)}
          </li>
        ))}
        <li className="tender-legend__item">
          <span className="tender-legend__chip" style={{ background: NO_TENDER_STATUS_COLOR }} aria-hidden="true" />
          {t('legend.noStatus')}
        </li>
      </ul>
    </div>
  );
}
