import type { Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import type { Layer } from '@shared/schemas/layer';
import { layerSourceId, STATE_HIGHLIGHTED, STATE_HOVER, STATE_SELECTED, STATE_UNMATCHED } from './ids';
import type { SiteRef } from './SiteRef';
import { TEST_HOOKS } from '../testHooks';

/** The plot finder's result on the map: the layer whose other features are dimmed, and the ids kept (null: all). */
export interface Matching {
  layerId: string;
  ids: readonly string[] | null;
}

/**
 * Which sites of the map carry which feature state: hovered, selected, highlighted (the chosen policy action's
 * sites) and unmatched (dimmed by the plot finder). Feature states restyle in the next frame without re-laying
 * out tiles, which changed paint expressions would cost. MapController owns one and tells it what changed.
 */
export class SiteFeatureStates {
  private hovered: SiteRef | null = null;
  private selected: SiteRef | null = null;
  private highlighted: SiteRef[] = [];
  private matching: Matching | null = null;
  /**
   * Whether any plot was ever dimmed. Until then an unfiltered finder has nothing to undo, so neither a new
   * matching nor every loaded tile (all site layers share the finder's tileset) walks the plots' features.
   */
  private everDimmed = false;

  constructor(
    private readonly map: MapLibreMap,
    /** The API layers on the map now, by id. */
    private readonly layers: () => ReadonlyMap<string, Layer>,
  ) {}

  /** Sets every state again, after the layers were (re)added. */
  reapply(): void {
    this.select(this.selected);
    this.highlight(this.highlighted);
    if (this.matching !== null) this.match(this.matching);
  }

  select(site: SiteRef | null): void {
    if (this.selected !== null) this.setState(this.selected, STATE_SELECTED, false);
    this.selected = site;
    if (site !== null) this.setState(site, STATE_SELECTED, true);
  }

  highlight(sites: SiteRef[]): void {
    for (const site of this.highlighted) this.setState(site, STATE_HIGHLIGHTED, false);
    this.highlighted = sites;
    for (const site of sites) this.setState(site, STATE_HIGHLIGHTED, true);
  }

  /** Marks `site` hovered (null: none); false when it already was, so the caller has nothing to do. */
  hover(site: SiteRef | null): boolean {
    if (site?.id === this.hovered?.id && site?.layer === this.hovered?.layer) return false;
    if (this.hovered !== null) this.setState(this.hovered, STATE_HOVER, false);
    this.hovered = site;
    if (site !== null) this.setState(site, STATE_HOVER, true);
    return true;
  }

  /** Remembers the finder's result before the map can show it; {@link match} applies it. */
  want(matching: Matching): void {
    this.matching = matching;
  }

  /** Dims the features of `matching.layerId` whose ids are not kept. */
  match(matching: Matching): void {
    this.matching = matching;
    this.markUnmatched(matching);
    // The first frame drawn after the change shows it: the browser test measures filter → map with it (issue #4).
    if (!TEST_HOOKS) return;
    this.map.once('render', () => {
      const data = document.documentElement.dataset;
      data.matchingPaintedAt = String(performance.now());
      data.matchingCount = matching.ids === null ? 'all' : String(matching.ids.length);
    });
  }

  /** A tile of the dimmed layer's source came in: its features get their states too. */
  onSourceData(event: MapSourceDataEvent): void {
    const matching = this.matching;
    const layer = matching === null ? undefined : this.layers().get(matching.layerId);
    if (matching === null || !this.everDimmed || !layer) return;
    if (event.sourceId === layerSourceId(layer) && event.tile !== undefined) this.markUnmatched(matching);
  }

  /**
   * Dims, by feature state, every loaded feature of the layer whose id is not in `ids` (null: none). Tiles that
   * load later get their states from {@link onSourceData}.
   */
  private markUnmatched({ layerId, ids }: Matching): void {
    const layer = this.layers().get(layerId);
    const source = layer && layerSourceId(layer);
    if (source === undefined || !this.map.getSource(source)) return;
    // States of features whose tiles were unloaded stay with their ids, so once dimmed, always check.
    if (ids === null && !this.everDimmed) return;
    this.everDimmed = true;
    const wanted = ids === null ? null : new Set(ids);
    for (const feature of this.map.querySourceFeatures(source, { sourceLayer: layerId })) {
      if (feature.id === undefined) continue;
      const unmatched = wanted !== null && !wanted.has(String(feature.id));
      this.map.setFeatureState({ source, sourceLayer: layerId, id: feature.id }, { [STATE_UNMATCHED]: unmatched });
    }
  }

  /**
   * Sets one feature-state key. A vector source also needs the source-layer, which is named after the
   * layer. A site whose layer is not (yet) on the map is skipped; the next {@link reapply} sets it.
   */
  private setState(site: SiteRef, key: string, value: boolean): void {
    const layer = this.layers().get(site.layer);
    if (layer === undefined || !this.map.getSource(layerSourceId(layer))) return;
    this.map.setFeatureState(
      {
        source: layerSourceId(layer),
        ...(layer.delivery === 'tiles' ? { sourceLayer: layer.id } : {}),
        id: site.id,
      },
      { [key]: value },
    );
  }
}
