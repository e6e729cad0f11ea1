import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from '@shared/schemas/site';

/** Outlines for the locator: the home municipality stands out, its neighbours are drawn faintly. */
export interface LocatorOutlines {
  home: FeatureCollection;
  around: FeatureCollection;
  /** What the locator shows, for screen readers. */
  label: string;
}

const WIDTH = 150;
const SVG_NS = 'http://www.w3.org/2000/svg';
type Ring = number[][];

/** The polygons' outer and inner rings of a collection (Polygon and MultiPolygon features). */
function ringsOf(collection: FeatureCollection): Ring[] {
  return collection.features.flatMap(({ geometry }) => {
    if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
    if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
    return [];
  });
}

/**
 * A small overview map in a corner of the main map (issue #16): Køge Kommune among its neighbours, with a frame
 * where the main map looks. A click there moves the main map to that place. Drawn as SVG from the boundaries the
 * map already has, so it needs no second WebGL map; hidden on narrow screens (map.css).
 */
export class LocatorControl implements IControl {
  private map: MapLibreMap | null = null;
  private readonly container: HTMLDivElement;
  private readonly frame: SVGRectElement;
  private readonly svg: SVGSVGElement;
  private readonly project: (lon: number, lat: number) => [number, number];
  private readonly unproject: (x: number, y: number) => [number, number];
  private readonly height: number;

  constructor({ home, around, label }: LocatorOutlines) {
    const homeRings = ringsOf(home);
    const all = [...homeRings, ...ringsOf(around)].flat();
    // The frame of the home municipality, widened by half on each side: the neighbours show round it.
    const homePoints = homeRings.flat();
    const lons = (homePoints.length ? homePoints : all).map((p) => p[0]!);
    const lats = (homePoints.length ? homePoints : all).map((p) => p[1]!);
    const [w0, e0, s0, n0] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const [w, e, s, n] = [w0 - (e0 - w0) / 2, e0 + (e0 - w0) / 2, s0 - (n0 - s0) / 2, n0 + (n0 - s0) / 2];
    const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
    const scale = WIDTH / ((e - w) * k);
    this.height = Math.round((n - s) * scale);
    this.project = (lon, lat) => [(lon - w) * k * scale, (n - lat) * scale];
    this.unproject = (x, y) => [w + x / (k * scale), n - y / scale];

    this.container = document.createElement('div');
    this.container.className = 'maplibregl-ctrl map-locator';
    const svg = (this.svg = document.createElementNS(SVG_NS, 'svg'));
    svg.setAttribute('width', String(WIDTH));
    svg.setAttribute('height', String(this.height));
    svg.setAttribute('viewBox', `0 0 ${WIDTH} ${this.height}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    svg.appendChild(this.path(ringsOf(around), 'map-locator__around'));
    svg.appendChild(this.path(homeRings, 'map-locator__home'));
    this.frame = document.createElementNS(SVG_NS, 'rect');
    this.frame.setAttribute('class', 'map-locator__frame');
    svg.appendChild(this.frame);
    this.container.appendChild(svg);
    this.container.addEventListener('click', (event) => {
      const box = svg.getBoundingClientRect();
      this.map?.easeTo({ center: this.unproject(event.clientX - box.left, event.clientY - box.top) });
    });
  }

  /** Names the locator for screen readers in the UI's language. */
  setLabel(label: string): void {
    this.svg.setAttribute('aria-label', label);
  }

  private path(rings: Ring[], className: string): SVGPathElement {
    const path = document.createElementNS(SVG_NS, 'path');
    const d = rings
      .map(
        (ring) =>
          `M${ring
            .map(([lon, lat]) =>
              this.project(lon!, lat!)
                .map((v) => v.toFixed(1))
                .join(','),
            )
            .join('L')}Z`,
      )
      .join('');
    path.setAttribute('d', d);
    path.setAttribute('class', className);
    path.setAttribute('fill-rule', 'evenodd');
    return path;
  }

  /** Moves the frame to where the main map looks; hides it when the main map shows more than the locator. */
  private readonly update = (): void => {
    if (this.map === null) return;
    const bounds = this.map.getBounds();
    const [x0, y0] = this.project(bounds.getWest(), bounds.getNorth());
    const [x1, y1] = this.project(bounds.getEast(), bounds.getSouth());
    const tooBig = x1 - x0 > WIDTH * 1.5 && y1 - y0 > this.height * 1.5;
    // At least a few pixels, so that a close view still shows where it is.
    const width = Math.max(x1 - x0, 4);
    const height = Math.max(y1 - y0, 4);
    this.frame.setAttribute('x', ((x0 + x1) / 2 - width / 2).toFixed(1));
    this.frame.setAttribute('y', ((y0 + y1) / 2 - height / 2).toFixed(1));
    this.frame.setAttribute('width', width.toFixed(1));
    this.frame.setAttribute('height', height.toFixed(1));
    this.frame.style.display = tooBig ? 'none' : '';
  };

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    map.on('move', this.update);
    this.update();
    return this.container;
  }

  onRemove(): void {
    this.map?.off('move', this.update);
    this.map = null;
    this.container.remove();
  }
}
