/** The map's style: an offline base map from the bundled boundaries, agreement zones, incidents. */
import type * as maplibregl from 'maplibre-gl';
import { VERDICT_COLOURS } from './verdict.js';

export interface MapConfig {
  /** an optional raster tile URL template (`{z}/{x}/{y}`) drawn under the boundaries */
  tiles?: string;
  attribution?: string;
}

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

/**
 * The whole style, data sources included. Few layers, no glyphs or sprites (nothing to fetch but
 * the base map), and a GeoJSON source is tiled in the worker at every zoom up to its maxzoom: the
 * simplified boundaries gain nothing past zoom 8 (overzoomed beyond), so tiling stops there.
 */
export function mapStyle(): maplibregl.StyleSpecification {
  const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  const sources: maplibregl.StyleSpecification['sources'] = {
    basemap: { type: 'geojson', data: './basemap.geojson', maxzoom: 8 },
    zones: { type: 'geojson', data: empty },
    // a few hundred features per view, clustered by the server
    incidents: { type: 'geojson', data: empty, buffer: 64 },
  };
  const layers: maplibregl.LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#dfe8ec' } },
  ];
  layers.push(
    {
      id: 'countries',
      type: 'fill',
      source: 'basemap',
      filter: ['==', ['get', 'level'], 0],
      paint: { 'fill-color': '#f4f1ea', 'fill-antialias': false },
    },
    {
      id: 'syria',
      type: 'fill',
      source: 'basemap',
      filter: ['==', ['get', 'level'], 1],
      paint: { 'fill-color': '#ffffff', 'fill-antialias': false },
    },
    {
      id: 'adm1-lines',
      type: 'line',
      source: 'basemap',
      filter: ['==', ['get', 'level'], 1],
      paint: { 'line-color': '#b9b2a3', 'line-width': 1 },
    },
    {
      id: 'country-lines',
      type: 'line',
      source: 'basemap',
      filter: ['==', ['get', 'level'], 0],
      paint: { 'line-color': '#8d877a', 'line-width': 1.2 },
    },
    {
      id: 'zones-fill',
      type: 'fill',
      source: 'zones',
      paint: { 'fill-color': '#6a51a3', 'fill-opacity': 0.08, 'fill-antialias': false },
    },
    {
      id: 'zones-line',
      type: 'line',
      source: 'zones',
      paint: { 'line-color': '#6a51a3', 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'clusters',
      type: 'circle',
      source: 'incidents',
      filter: ['==', ['get', 'cluster'], true],
      paint: {
        // the redder, the larger the share of violations in the cluster
        'circle-color': [
          'interpolate',
          ['linear'],
          ['get', 'share'],
          0,
          '#9e9e9e',
          0.5,
          VERDICT_COLOURS.undetermined,
          1,
          VERDICT_COLOURS.violation,
        ],
        'circle-radius': ['step', ['get', 'count'], 12, 10, 16, 100, 21, 1000, 27, 10000, 33],
        'circle-opacity': 0.8,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'incident-points',
      type: 'circle',
      source: 'incidents',
      filter: ['==', ['get', 'cluster'], false],
      paint: {
        'circle-color': verdictColour,
        'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'fatalities'], 0], 0, 5, 10, 8, 100, 13],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
  );
  return { version: 8, sources, layers };
}
