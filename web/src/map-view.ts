/**
 * The incident map: MapLibre GL with an offline base map (basemap.geojson, built from the bundled
 * boundaries), agreement zones, and incidents coloured by their gravest verdict. The server
 * clusters (GET /incidents/map): for each zoom and view the map asks for a few hundred clusters
 * and single incidents instead of loading the archive, so the first map costs the same with 100
 * or 100,000 incidents. There are no glyphs offline, so no text layers: cluster counts are HTML.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { IncidentMapAnswer, MapFeature } from './api.js';
import { h } from './dom.js';
import { type MapConfig, mapStyle } from './map-style.js';
import { abbreviate, type Box, covers, padded } from './map-viewport.js';
import { href } from './route.js';

maplibregl.setWorkerUrl(workerUrl);
// start the map's worker (fetching and compiling its script) while the page asks the API for
// what it needs before it creates the map; it would otherwise start with the first map
maplibregl.prewarm();

export type { MapConfig };

/** Asks the API what to draw at zoom `z` (an integer) inside `view` (`minLon,minLat,maxLon,maxLat`). */
export type MapLoader = (z: number, view: string) => Promise<IncidentMapAnswer>;

/** Syria and its surroundings */
const SYRIA_BOUNDS: [[number, number], [number, number]] = [
  [35.5, 32.2],
  [42.5, 37.4],
];
/** the server answers single incidents from this zoom on (services/incident-map-clusters.ts) */
const POINTS_ZOOM = 14;
/** a fetched view reaches this share of the visible width and height beyond each edge, so small pans need no request */
const VIEW_MARGIN = 0.5;
/** ms of quiet after a move before asking for the new view */
const MOVE_DEBOUNCE_MS = 120;

export class IncidentMap {
  readonly map: maplibregl.Map;
  private styled: Promise<void>;
  private labels = new Map<string, maplibregl.Marker>();
  private clusters = new Map<string, Extract<MapFeature, { properties: { cluster: true } }>['properties']>();
  private loader: MapLoader | null = null;
  /** the zoom and padded view of the answer drawn (or being fetched) */
  private fetched: { z: number; view: Box } | null = null;
  private requests = 0;
  private moveTimer: ReturnType<typeof setTimeout> | undefined;
  /** the caller of `show`, until its first answer is drawn */
  private waiting: { resolve: (a: IncidentMapAnswer | null) => void; reject: (err: Error) => void } | null = null;
  /** called with each answer once it is drawn, and with errors of fetches after a move */
  onAnswer?: (answer: IncidentMapAnswer) => void;
  onError?: (err: Error) => void;

  constructor(private readonly container: HTMLElement) {
    this.map = new maplibregl.Map({
      container,
      style: mapStyle(),
      bounds: SYRIA_BOUNDS,
      // no symbols to fade in: a fade keeps MapLibre repainting for 300 ms after each placement,
      // and a frame costs 100-250 ms in a software WebGL (headless chromium) under load
      fadeDuration: 0,
      attributionControl: { customAttribution: 'Boundaries: OCHA, HDX; Natural Earth' },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.once('load', () => performance.mark('truce:map-load'));
    // the incidents' source is part of the style: data set as soon as the style is parsed is
    // drawn in the same first render as the base map, not in a second one after 'load'
    this.styled = new Promise((resolve) => {
      const check = () => {
        if (!this.map.getSource('incidents')) return;
        this.map.off('styledata', check);
        resolve();
      };
      this.map.on('styledata', check);
      check();
    });
    this.listen();
    this.map.on('moveend', () => {
      clearTimeout(this.moveTimer);
      this.moveTimer = setTimeout(() => {
        this.refresh().catch((err: Error) => this.failed(err));
      }, MOVE_DEBOUNCE_MS);
    });
  }

  private listen(): void {
    const m = this.map;
    m.on('click', 'clusters', (e) => {
      const c = this.clusters.get(String(e.features?.[0]?.properties.id));
      if (c) this.zoomInto(c.extent);
    });
    m.on('click', 'incident-points', (e) => {
      const id = e.features?.[0]?.properties.id;
      if (id !== undefined) location.hash = href(`/incidents/${encodeURIComponent(String(id))}`);
    });
    for (const layer of ['clusters', 'incident-points']) {
      m.on('mouseenter', layer, () => {
        m.getCanvas().style.cursor = 'pointer';
      });
      m.on('mouseleave', layer, () => {
        m.getCanvas().style.cursor = '';
      });
    }
  }

  /** Zoom so that a cluster's members fill the view (they split into smaller clusters or incidents). */
  zoomInto([w, s, e, n]: Box): void {
    if (e - w < 1e-6 && n - s < 1e-6) this.map.easeTo({ center: [w, s], zoom: POINTS_ZOOM });
    else this.map.fitBounds([w, s, e, n], { padding: 60, maxZoom: POINTS_ZOOM + 2 });
  }

  /** Raster tiles under the boundaries (`tile_url` on the server); the boundaries then draw only lines. */
  async useTiles(config: MapConfig): Promise<void> {
    if (!config.tiles) return;
    await this.styled;
    this.map.addSource('tiles', { type: 'raster', tiles: [config.tiles], tileSize: 256, attribution: config.attribution });
    this.map.addLayer({ id: 'tiles', type: 'raster', source: 'tiles' }, 'countries');
    for (const id of ['countries', 'syria']) this.map.setPaintProperty(id, 'fill-opacity', 0);
  }

  /** District outlines, fetched after the first map so they do not delay it. */
  addDistricts(): void {
    if (this.map.getSource('districts')) return;
    this.map.addSource('districts', { type: 'geojson', data: './districts.geojson', maxzoom: 10 });
    this.map.addLayer(
      {
        id: 'adm2-lines',
        type: 'line',
        source: 'districts',
        minzoom: 6.5,
        paint: { 'line-color': '#d6d0c4', 'line-width': 0.6 },
      },
      'adm1-lines',
    );
  }

  /**
   * Draw what `loader` answers for the current zoom and view, now and after every move; resolves
   * with the first answer drawn (null if `show` is called again first). The request starts at
   * once, while the base map still loads.
   */
  show(loader: MapLoader): Promise<IncidentMapAnswer | null> {
    this.loader = loader;
    this.fetched = null;
    this.waiting?.resolve(null);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.refresh().catch((err: Error) => this.failed(err));
    });
  }

  private failed(err: Error): void {
    // a failed fetch is retried on the next move
    this.fetched = null;
    if (this.waiting) this.waiting.reject(err);
    else this.onError?.(err);
    this.waiting = null;
  }

  /** Fetch and draw the current view, unless the answer drawn already covers it at this zoom. */
  private async refresh(): Promise<void> {
    const loader = this.loader;
    if (!loader) return;
    const z = Math.floor(this.map.getZoom());
    const b = this.map.getBounds();
    const visible: Box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    if (this.fetched && this.fetched.z === z && covers(this.fetched.view, visible)) return;
    const view = padded(visible, VIEW_MARGIN);
    this.fetched = { z, view };
    const request = ++this.requests;
    const answer = await loader(z, view.map((x) => x.toFixed(4)).join(','));
    await this.styled;
    if (request !== this.requests || loader !== this.loader) return;
    this.draw(answer);
    await this.idle();
    if (request !== this.requests) return;
    this.waiting?.resolve(answer);
    this.waiting = null;
    this.onAnswer?.(answer);
  }

  private draw(answer: IncidentMapAnswer): void {
    this.clusters.clear();
    const features: GeoJSON.Feature[] = [];
    for (const f of answer.features) {
      const p = f.properties;
      if (p.cluster) {
        this.clusters.set(p.id, p);
        features.push({
          type: 'Feature',
          geometry: f.geometry,
          properties: { cluster: true, id: p.id, count: p.count, share: p.verdicts.violation / p.count },
        });
      } else {
        features.push({
          type: 'Feature',
          geometry: f.geometry,
          properties: { cluster: false, id: p.id, verdict: p.verdict, fatalities: p.fatalities },
        });
      }
    }
    (this.map.getSource('incidents') as maplibregl.GeoJSONSource).setData({ type: 'FeatureCollection', features });
    this.updateLabels(answer);
    const d = this.container.dataset;
    d.zoom = String(answer.z);
    d.clusters = String(this.clusters.size);
    d.points = String(features.length - this.clusters.size);
  }

  /** HTML count labels, one per cluster (symbol layers would need glyphs). */
  private updateLabels(answer: IncidentMapAnswer): void {
    const keep = new Set<string>();
    for (const f of answer.features) {
      if (!f.properties.cluster) continue;
      const { id, count } = f.properties;
      keep.add(id);
      if (this.labels.has(id)) continue;
      const el = h(
        'div',
        { class: 'cluster-label', 'data-cluster': id, 'data-count': String(count) },
        abbreviate(count),
      );
      this.labels.set(id, new maplibregl.Marker({ element: el }).setLngLat(f.geometry.coordinates).addTo(this.map));
    }
    for (const [id, marker] of this.labels) {
      if (keep.has(id)) continue;
      marker.remove();
      this.labels.delete(id);
    }
  }

  async setZones(fc: GeoJSON.FeatureCollection): Promise<void> {
    await this.styled;
    (this.map.getSource('zones') as maplibregl.GeoJSONSource).setData(fc);
  }

  idle(): Promise<void> {
    return new Promise((resolve) => this.map.once('idle', () => resolve()));
  }

  /** the visible area as the API's bbox parameter */
  visibleBbox(): string {
    const b = this.map.getBounds();
    const r = (x: number) => x.toFixed(3);
    return [
      r(Math.max(b.getWest(), -180)),
      r(Math.max(b.getSouth(), -90)),
      r(Math.min(b.getEast(), 180)),
      r(Math.min(b.getNorth(), 90)),
    ].join(',');
  }

  destroy(): void {
    clearTimeout(this.moveTimer);
    this.loader = null;
    this.map.remove();
  }
}
