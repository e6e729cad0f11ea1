import type { TimelineData } from '../tenders';
import { TenderStatusBadge } from '../tenders';
import type { MessageKey } from '@shared/i18n/da';
import { formatDate, formatDateTime } from '@shared/i18n/formatDate';
import type { Lang } from '@shared/i18n/Lang';
import { TENDER_STATUS_COLORS } from '../../map/tenderColors';
import { layoutTimeline, type AxisSpan } from './layoutTimeline';
import { timelineHref } from './timelineUrl';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const place = ({ x, width }: AxisSpan) => ({ left: `${x * 100}%`, width: `${width * 100}%` });

/**
 * The tender timeline: per plot its planned year and tender window against the dates its tender actually
 * reached each state, on a year axis (drawn for the eye, hidden from assistive technology) and as a table.
 */
export function TenderTimeline({
  timeline,
  lang,
  t,
  linkRows,
}: {
  timeline: TimelineData;
  lang: Lang;
  t: T;
  /** Link each plot to its own timeline (on the page of every plot). */
  linkRows: boolean;
}) {
  const { years, rows } = layoutTimeline({ plots: timeline.plots, from: timeline.from, to: timeline.to });
  return (
    <section className="timeline-page__section" aria-labelledby="tenders-heading" data-testid="tender-timeline">
      <h2 id="tenders-heading">{t('timeline.tendersHeading')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('timeline.noPlots')}</p>
      ) : (
        <>
          <div className="tl-chart" aria-hidden="true">
            <div className="tl-row tl-row--axis">
              <span className="tl-row__label" />
              <div className="tl-row__track">
                {years.map(({ year, x }) => (
                  <span key={year} className="tl-axis__year" style={{ left: `${x * 100}%` }}>
                    {year}
                  </span>
                ))}
              </div>
            </div>
            {rows.map((row) => (
              <div key={row.siteId} className="tl-row">
                <span className="tl-row__label">{row.name}</span>
                <div className="tl-row__track">
                  {years.map(({ year, x }) => (
                    <span key={year} className="tl-grid" style={{ left: `${x * 100}%` }} />
                  ))}
                  {row.plannedYearSpan && <span className="tl-planned-year" style={place(row.plannedYearSpan)} />}
                  {row.windowSpan && <span className="tl-window" style={place(row.windowSpan)} />}
                  {row.marks.map((mark) => (
                    <span
                      key={mark.state}
                      className="tl-mark"
                      style={{ left: `${mark.x * 100}%`, background: TENDER_STATUS_COLORS[mark.state] }}
                      title={`${t(`status.${mark.state}`)}: ${formatDateTime({ isoDateTime: mark.at, lang })}`}
                    />
                  ))}
                </div>
              </div>
            ))}
          </div>
          <ul className="tl-legend" aria-hidden="true">
            <li>
              <span className="tl-legend__swatch tl-planned-year" /> {t('timeline.legendPlannedYear')}
            </li>
            <li>
              <span className="tl-legend__swatch tl-window" /> {t('timeline.legendWindow')}
            </li>
            <li>
              <span className="tl-legend__swatch tl-legend__swatch--mark" /> {t('timeline.legendReached')}
            </li>
          </ul>
          <div className="table-scroll">
            <table className="tl-table" data-testid="timeline-table">
              <caption>{t('timeline.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('timeline.colPlot')}</th>
                  <th scope="col">{t('timeline.colStatus')}</th>
                  <th scope="col">{t('timeline.colPlanned')}</th>
                  <th scope="col">{t('timeline.colReached')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.siteId} data-testid={`timeline-row-${row.siteId}`}>
                    <th scope="row">
                      {linkRows ? <a href={timelineHref({ siteId: row.siteId, lang })}>{row.name}</a> : row.name}
                    </th>
                    <td>
                      <TenderStatusBadge status={row.status} lang={lang} testId={`timeline-status-${row.siteId}`} />
                    </td>
                    <td>
                      {row.plannedYear === null && row.opensOn === null && (
                        <span className="muted">{t('site.notSet')}</span>
                      )}
                      {row.plannedYear !== null && <div>{t('timeline.plannedYear', { year: row.plannedYear })}</div>}
                      {row.opensOn !== null && (
                        <div>
                          {formatDate({ isoDate: row.opensOn, lang })}
                          {row.closesOn !== null && ` – ${formatDate({ isoDate: row.closesOn, lang })}`}
                        </div>
                      )}
                    </td>
                    <td>
                      {row.reached.length === 0 ? (
                        <span className="muted">{t('site.notSet')}</span>
                      ) : (
                        <ul className="tl-reached">
                          {row.reached.map((r) => (
                            <li key={r.state}>
                              {t(`status.${r.state}`)}:{' '}
                              <time dateTime={r.at}>{formatDateTime({ isoDateTime: r.at, lang })}</time>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
