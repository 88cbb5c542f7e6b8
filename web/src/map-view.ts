/**
 * The incident map: MapLibre GL with an offline base map (basemap.geojson, built from the bundled
 * boundaries), agreement zones, and incidents coloured by their gravest verdict, clustered at low
 * zoom by the GeoJSON source's built-in clustering (supercluster, https://github.com/mapbox/supercluster).
 * There are no glyphs offline, so no text layers: cluster counts and popups are HTML.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { api } from './api.js';
import { h } from './dom.js';
import { href } from './route.js';
import { badge, formatWhen, humanType, VERDICT_COLOURS } from './verdict.js';

maplibregl.setWorkerUrl(workerUrl);

export interface MapConfig {
  /** an optional raster tile URL template (`{z}/{x}/{y}`) drawn under the boundaries */
  tiles?: string;
  attribution?: string;
}

/** Syria and its surroundings */
const SYRIA_BOUNDS: [[number, number], [number, number]] = [
  [35.5, 32.2],
  [42.5, 37.4],
];

const verdictColour: maplibregl.ExpressionSpecification = [
  'match',
  ['coalesce', ['get', 'verdict'], 'none'],
  'violation',
  VERDICT_COLOURS.violation,
  'undetermined',
  VERDICT_COLOURS.undetermined,
  'permitted',
  VERDICT_COLOURS.permitted,
  'not_applicable',
  VERDICT_COLOURS.not_applicable,
  VERDICT_COLOURS.none,
];

export class IncidentMap {
  readonly map: maplibregl.Map;
  private loaded: Promise<void>;
  private markers = new Map<number, maplibregl.Marker>();
  private popup: maplibregl.Popup | null = null;
  /** called with the visible bounds when the user asks to filter by the map area */
  onArea?: (bbox: string) => void;

  constructor(container: HTMLElement, config: MapConfig = {}) {
    const sources: maplibregl.StyleSpecification['sources'] = {
      basemap: { type: 'geojson', data: './basemap.geojson' },
    };
    const layers: maplibregl.LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe8ec' } }];
    if (config.tiles) {
      sources.tiles = { type: 'raster', tiles: [config.tiles], tileSize: 256, attribution: config.attribution };
      layers.push({ id: 'tiles', type: 'raster', source: 'tiles' });
    }
    layers.push(
      { id: 'countries', type: 'fill', source: 'basemap', filter: ['==', ['get', 'level'], 0], paint: { 'fill-color': '#f4f1ea', 'fill-opacity': config.tiles ? 0 : 1 } },
      { id: 'syria', type: 'fill', source: 'basemap', filter: ['==', ['get', 'level'], 1], paint: { 'fill-color': '#ffffff', 'fill-opacity': config.tiles ? 0 : 1 } },
      { id: 'adm1-lines', type: 'line', source: 'basemap', filter: ['==', ['get', 'level'], 1], paint: { 'line-color': '#b9b2a3', 'line-width': 1 } },
      { id: 'country-lines', type: 'line', source: 'basemap', filter: ['==', ['get', 'level'], 0], paint: { 'line-color': '#8d877a', 'line-width': 1.2 } },
    );
    this.map = new maplibregl.Map({
      container,
      style: { version: 8, sources, layers },
      bounds: SYRIA_BOUNDS,
      attributionControl: { customAttribution: 'Boundaries: OCHA, HDX; Natural Earth' },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.loaded = new Promise((resolve) =>
      this.map.once('load', () => {
        performance.mark('truce:map-load');
        resolve();
      }),
    );
    void this.loaded.then(() => this.addDataLayers());
  }

  private addDataLayers(): void {
    const m = this.map;
    m.addSource('zones', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    m.addLayer({ id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': '#6a51a3', 'fill-opacity': 0.08 } });
    m.addLayer({ id: 'zones-line', type: 'line', source: 'zones', paint: { 'line-color': '#6a51a3', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
    m.addSource('incidents', {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      cluster: true,
      clusterRadius: 45,
      clusterMaxZoom: 10,
      clusterProperties: {
        violations: ['+', ['case', ['==', ['get', 'verdict'], 'violation'], 1, 0]],
      },
    });
    const share: maplibregl.ExpressionSpecification = ['/', ['get', 'violations'], ['get', 'point_count']];
    m.addLayer({
      id: 'clusters',
      type: 'circle',
      source: 'incidents',
      filter: ['has', 'point_count'],
      paint: {
        // the redder, the larger the share of violations in the cluster
        'circle-color': ['interpolate', ['linear'], share, 0, '#9e9e9e', 0.5, VERDICT_COLOURS.undetermined, 1, VERDICT_COLOURS.violation],
        'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 100, 21, 1000, 27, 10000, 33],
        'circle-opacity': 0.8,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    });
    m.addLayer({
      id: 'incident-points',
      type: 'circle',
      source: 'incidents',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': verdictColour,
        'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'fatalities'], 0], 0, 5, 10, 8, 100, 13],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    });
    m.on('click', 'clusters', async (e) => {
      const f = e.features?.[0];
      if (!f) return;
      const src = m.getSource('incidents') as maplibregl.GeoJSONSource;
      const zoom = await src.getClusterExpansionZoom(f.properties.cluster_id as number);
      m.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
    });
    m.on('click', 'incident-points', (e) => {
      const f = e.features?.[0];
      if (f) void this.showPopup(String(f.properties.id), (f.geometry as GeoJSON.Point).coordinates as [number, number]);
    });
    for (const layer of ['clusters', 'incident-points']) {
      m.on('mouseenter', layer, () => {
        m.getCanvas().style.cursor = 'pointer';
      });
      m.on('mouseleave', layer, () => {
        m.getCanvas().style.cursor = '';
      });
    }
    // once drawn (after loading, moving or new data), not on every tile: querying the source per
    // tile event would slow the first map down with many incidents
    m.on('idle', () => this.updateClusterLabels());
  }

  /** District outlines, fetched after the first map so they do not delay it. */
  addDistricts(): void {
    if (this.map.getSource('districts')) return;
    this.map.addSource('districts', { type: 'geojson', data: './districts.geojson' });
    this.map.addLayer(
      { id: 'adm2-lines', type: 'line', source: 'districts', minzoom: 6.5, paint: { 'line-color': '#d6d0c4', 'line-width': 0.6 } },
      'adm1-lines',
    );
  }

  /**
   * Replace the incidents with GeoJSON text as the API sent it (already reduced to the drawn
   * properties by `properties=`), and wait until the map has drawn them. The text goes to the map's
   * worker as a blob URL untouched: no JSON.parse, no copy and no JSON.stringify on the main thread
   * (for 100,000 incidents those took longer than the drawing). Returns the number of features.
   */
  async setIncidentsText(text: string): Promise<number> {
    await this.loaded;
    for (const marker of this.markers.values()) marker.remove();
    this.markers.clear();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }));
    (this.map.getSource('incidents') as maplibregl.GeoJSONSource).setData(url);
    await this.idle();
    URL.revokeObjectURL(url);
    return countFeatures(text);
  }

  async setZones(fc: GeoJSON.FeatureCollection): Promise<void> {
    await this.loaded;
    (this.map.getSource('zones') as maplibregl.GeoJSONSource).setData(fc);
  }

  idle(): Promise<void> {
    return new Promise((resolve) => this.map.once('idle', () => resolve()));
  }

  /** the visible area as the API's bbox parameter */
  visibleBbox(): string {
    const b = this.map.getBounds();
    const r = (x: number) => x.toFixed(3);
    return [r(Math.max(b.getWest(), -180)), r(Math.max(b.getSouth(), -90)), r(Math.min(b.getEast(), 180)), r(Math.min(b.getNorth(), 90))].join(',');
  }

  private async showPopup(id: string, at: [number, number]): Promise<void> {
    this.popup?.remove();
    const content = h('div', { class: 'popup', 'data-testid': 'map-popup' }, h('a', { href: href(`/incidents/${encodeURIComponent(id)}`) }, `open ${id}`));
    const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '280px' }).setLngLat(at).setDOMContent(content).addTo(this.map);
    this.popup = popup;
    try {
      const i = await api.incident(id);
      content.prepend(
        h(
          'div',
          null,
          h('div', null, badge(i.verdict), ' ', h('strong', null, humanType(i.type))),
          h('div', null, formatWhen(i.when)),
          i.where.name ? h('div', null, i.where.name) : null,
          i.fatalities !== null ? h('div', null, `${i.fatalities} killed`) : null,
        ),
      );
    } catch {
      // the link still leads to the incident page, which shows the error
    }
  }

  /** HTML count labels for the clusters in view (symbol layers would need glyphs). */
  private updateClusterLabels(): void {
    if (!this.map.getSource('incidents')) return;
    const seen = new Set<number>();
    const features = this.map.querySourceFeatures('incidents', { filter: ['has', 'point_count'] });
    for (const f of features) {
      const id = f.properties.cluster_id as number;
      if (seen.has(id) || seen.size >= 300) continue;
      seen.add(id);
      if (!this.markers.has(id)) {
        const el = h('div', { class: 'cluster-label' }, String(f.properties.point_count_abbreviated ?? f.properties.point_count));
        this.markers.set(id, new maplibregl.Marker({ element: el }).setLngLat((f.geometry as GeoJSON.Point).coordinates as [number, number]).addTo(this.map));
      }
    }
    for (const [id, marker] of this.markers) {
      if (!seen.has(id)) {
        marker.remove();
        this.markers.delete(id);
      }
    }
  }

  destroy(): void {
    this.map.remove();
  }
}

/** Features in GeoJSON text written by JSON.stringify (every feature object opens with its type). */
export function countFeatures(text: string): number {
  let n = 0;
  for (let i = text.indexOf('{"type":"Feature"'); i >= 0; i = text.indexOf('{"type":"Feature"', i + 17)) n++;
  return n;
}
