import { useMemo } from 'react';
import { formatLength } from '@shared/i18n/formatLength';
import type { Lang } from '@shared/i18n/Lang';
import { buildExposeMap, type ExposeFrame, type ExposeMapInput, type ExposeMapRole } from './buildExposeMap';

const WIDTH = 600;
const HEIGHT = 400;
/** Drawing order: context below, the plot on top. */
const ORDER: ExposeMapRole[] = ['neighbour', 'rail', 'motorway', 'plot'];

/** Labels the map needs, already translated. */
export interface ExposeMapLabels {
  title: string;
  desc: (scale: string) => string;
  north: string;
}

/** The plot and its surroundings as an inline SVG (no map library, no tiles): prints sharp at any size. */
export function ExposeMap({
  frame,
  features,
  lang,
  labels,
}: {
  frame: ExposeFrame;
  features: readonly ExposeMapInput[];
  lang: Lang;
  labels: ExposeMapLabels;
}) {
  const map = useMemo(() => buildExposeMap({ frame, features, width: WIDTH, height: HEIGHT }), [frame, features]);
  const scale = formatLength({ metres: map.scaleBar.metres, lang });
  const paths = ORDER.flatMap((role) => map.paths.filter((p) => p.role === role));
  return (
    <svg
      className="expose-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="expose-map-title expose-map-desc"
      data-testid="expose-map"
      data-units-per-metre={map.unitsPerMetre}
    >
      <title id="expose-map-title">{labels.title}</title>
      <desc id="expose-map-desc">{labels.desc(scale)}</desc>
      <rect className="expose-map__bg" x="0" y="0" width={WIDTH} height={HEIGHT} />
      {paths.map((path, i) => (
        <path
          key={`${path.role}-${path.id}-${i}`}
          className={`expose-map__${path.role}`}
          d={path.d}
          data-role={path.role}
          data-id={path.id}
          fillRule="evenodd"
        />
      ))}
      {map.points.map((point, i) => (
        <g key={`${point.id}-${i}`} data-role={point.role} data-id={point.id}>
          <circle className="expose-map__station" cx={point.x} cy={point.y} r="6" />
          <text className="expose-map__label" x={point.x + 9} y={point.y + 4}>
            {point.name}
          </text>
        </g>
      ))}
      <g className="expose-map__scale" transform={`translate(20 ${HEIGHT - 24})`} data-testid="expose-scale">
        <rect x="-6" y="-22" width={map.scaleBar.length + 12} height="34" className="expose-map__halo" />
        <path d={`M0 -6 V4 H${map.scaleBar.length} V-6`} className="expose-map__scale-line" />
        <text x="0" y="-10" className="expose-map__label">
          {scale}
        </text>
      </g>
      <g
        className="expose-map__north"
        transform={`translate(${WIDTH - 34} 40) rotate(${map.northDeg.toFixed(2)})`}
        data-testid="expose-north"
      >
        <circle r="22" className="expose-map__halo" />
        <path d="M0 -4 L7 16 L0 11 L-7 16 Z" className="expose-map__arrow" />
        <text y="-7" textAnchor="middle" className="expose-map__label expose-map__label--north">
          {labels.north}
        </text>
      </g>
    </svg>
  );
}
