import type { Layer } from '@shared/schemas/layer';
import { FILL_BY_TENDER_STATUS } from '../../map/buildLayerSpecs';
import { TENDER_STATUS_COLORS } from '../../map/tenderColors';

const WIDTH = 22;
const HEIGHT = 14;

/** A small picture of how a layer is drawn: a patch, a line, a dot or a name. Decorative: the label names it. */
export function LegendSwatch({ layer }: { layer: Pick<Layer, 'geometry_type' | 'style'> }) {
  const { style } = layer;
  return (
    <svg className="legend-swatch" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
      {layer.geometry_type === 'polygon' && style.fill === FILL_BY_TENDER_STATUS && (
        <>
          {(['planned', 'open', 'reserved', 'sold'] as const).map((status, i) => (
            <rect key={status} x={1 + i * 5} y={1} width={5} height={HEIGHT - 2} fill={TENDER_STATUS_COLORS[status]} />
          ))}
          <rect
            x={1}
            y={1}
            width={WIDTH - 2}
            height={HEIGHT - 2}
            fill="none"
            stroke={style.line ?? '#444'}
            strokeWidth={1.5}
          />
        </>
      )}
      {layer.geometry_type === 'polygon' && style.fill !== FILL_BY_TENDER_STATUS && (
        <rect
          x={1}
          y={1}
          width={WIDTH - 2}
          height={HEIGHT - 2}
          fill={style.fill ?? '#9aa5b1'}
          stroke={style.line ?? '#444'}
          strokeWidth={1.5}
        />
      )}
      {layer.geometry_type === 'line' && (
        <line
          x1={1}
          y1={HEIGHT / 2}
          x2={WIDTH - 1}
          y2={HEIGHT / 2}
          stroke={style.line ?? '#444'}
          strokeWidth={Math.min(style.width ?? 2, 5)}
          strokeDasharray={style.dash?.map((d) => d * Math.min(style.width ?? 2, 5)).join(' ')}
        />
      )}
      {layer.geometry_type === 'point' && style.label?.text_only === true && (
        <text
          x={WIDTH / 2}
          y={HEIGHT - 2}
          textAnchor="middle"
          fontSize={12}
          fontStyle={style.label.font === 'italic' ? 'italic' : 'normal'}
          fill={style.label.color ?? '#333'}
        >
          Aa
        </text>
      )}
      {layer.geometry_type === 'point' && style.label?.text_only !== true && (
        <circle
          cx={WIDTH / 2}
          cy={HEIGHT / 2}
          r={5}
          fill={style.fill ?? '#555'}
          stroke={style.line ?? '#fff'}
          strokeWidth={1.5}
        />
      )}
    </svg>
  );
}
