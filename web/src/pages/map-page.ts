/**
 * The home view: filters, the incident map, the matching incidents as a list, and the violations
 * timeline against the previous period. Everything follows the URL's filters.
 */
import { type AgreementSummary, api, query } from '../api.js';
import { actorMap, actorName, agreementList, whoAmI } from '../context.js';
import { h, mount } from '../dom.js';
import { filterBar, filterQuery } from '../filters.js';
import { IncidentMap, type MapConfig } from '../map-view.js';
import type { Page } from '../page.js';
import { href, type Route, setParams } from '../route.js';
import { timelineChart } from '../timeline.js';
import { badge, formatWhen, humanType } from '../verdict.js';

const DAY = 86_400_000;

/** The optional tile URL comes from the server's configuration (`tile_url` in truce.yaml, GET /api/v1). */
async function mapConfig(): Promise<MapConfig> {
  const about = await whoAmI().catch(() => null);
  return about?.map?.tile_url ? { tiles: about.map.tile_url } : {};
}

export function mapPage(): Page {
  let map: IncidentMap | null = null;
  let generation = 0;
  const filtersHost = h('div');
  const mapHost = h('div', { class: 'map', id: 'map', 'data-testid': 'map', 'data-map-state': 'loading' });
  const status = h('p', { class: 'map-status', 'data-testid': 'map-status' });
  const listHost = h('div', { class: 'incident-list', 'data-testid': 'incident-list' });
  const timelineHost = h('div');
  let agreements: AgreementSummary[] = [];

  async function load(route: Route): Promise<void> {
    const gen = ++generation;
    const filters = filterQuery(route.params);
    const q = query(filters);
    mapHost.dataset.mapState = 'loading';
    status.textContent = 'Loading incidents…';
    // the first view's clusters are asked for first, while the base map loads
    const shown = map?.show((z, view) => api.incidentMap(`${q}${q ? '&' : '?'}z=${z}&view=${view}`));
    const [actors, list] = await Promise.all([actorMap(), agreementList()]);
    agreements = list;
    mount(filtersHost, filterBar(route.params, agreements, actors));
    const agreement = filters.agreement;
    const zones = agreement ? api.zones(agreement) : Promise.all(agreements.map((a) => api.zones(a.id).catch(() => null)));
    const [answer] = await Promise.all([
      shown,
      zones.then((z) => {
        // a zone that is the whole country would only tint the whole map
        const features = (Array.isArray(z) ? z.flatMap((c) => c?.features ?? []) : z.features).filter((f) => f.properties?.form !== 'country');
        return map?.setZones({ type: 'FeatureCollection', features });
      }),
      loadList(q, actors, gen),
    ]);
    if (gen !== generation || !map || !answer) return;
    performance.mark('truce:map-ready');
    mapHost.dataset.mapState = 'ready';
    map.addDistricts();
    void loadTimeline(route, gen);
  }

  async function loadList(q: string, actors: Awaited<ReturnType<typeof actorMap>>, gen: number, cursor?: string): Promise<void> {
    const page = await api.incidents(`${q}${q ? '&' : '?'}limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (gen !== generation) return;
    if (!cursor) mount(listHost);
    if (!cursor && page.items.length === 0) listHost.append(h('p', { class: 'quiet' }, 'No incident matches these filters.'));
    const rows = page.items.map((i) =>
      h(
        'li',
        { 'data-incident': i.id },
        badge(i.verdict),
        ' ',
        h('a', { href: href(`/incidents/${encodeURIComponent(i.id)}`) }, `${humanType(i.type)}`),
        h('div', { class: 'meta' }, `${formatWhen(i.when)} · ${i.where.name ?? i.where.admin ?? ''} · by ${actorName(actors, i.by)} · ${i.review_state}`),
      ),
    );
    let ul = listHost.querySelector('ul');
    if (!ul) {
      ul = h('ul');
      listHost.append(ul);
    }
    ul.append(...rows);
    listHost.querySelector('button.more')?.remove();
    if (page.next_cursor) {
      const next = page.next_cursor;
      listHost.append(h('button', { class: 'more', type: 'button', onclick: () => void loadList(q, actors, gen, next) }, 'more'));
    }
  }

  async function loadTimeline(route: Route, gen: number): Promise<void> {
    const p = route.params;
    const group = p.get('group') === 'guarantor' ? 'guarantor' : 'party';
    const period = await timelinePeriod(route);
    if (gen !== generation) return;
    const controls = h(
      'div',
      { class: 'group-toggle' },
      'per ',
      (['party', 'guarantor'] as const).map((g) =>
        h('button', { type: 'button', class: g === group ? 'active' : null, onclick: () => setParams({ group: g === 'party' ? null : g }) }, g),
      ),
    );
    if (!period) {
      mount(timelineHost, h('h2', null, 'Violations over time'), h('p', { class: 'quiet' }, 'No dated incident yet.'));
      return;
    }
    const span = Date.parse(period.to) - Date.parse(period.from);
    const bucket = p.get('bucket') ?? (span <= 62 * DAY ? 'day' : span <= 2 * 366 * DAY ? 'week' : 'month');
    try {
      const series = await api.compliance(query({ from: period.from, to: period.to, bucket, group, agreement: p.get('agreement') }));
      if (gen !== generation) return;
      const width = Math.max(320, timelineHost.clientWidth || 800);
      mount(timelineHost, h('h2', null, `Violations per ${group} over time`), controls, timelineChart(series, width));
    } catch (err) {
      mount(timelineHost, h('h2', null, 'Violations over time'), controls, h('p', { class: 'error' }, String((err as Error).message)));
    }
  }

  /** The period the timeline shows: the filter's, else 12 weeks from the agreement's start, else the whole record. */
  async function timelinePeriod(route: Route): Promise<{ from: string; to: string } | null> {
    const p = route.params;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    if (p.get('from') && p.get('to')) return { from: p.get('from')!, to: p.get('to')! };
    if (p.get('from')) return { from: p.get('from')!, to: iso(Date.parse(p.get('from')!) + 84 * DAY) };
    if (p.get('to')) return { from: iso(Date.parse(p.get('to')!) - 84 * DAY), to: p.get('to')! };
    const a = agreements.find((x) => x.id === p.get('agreement'));
    if (a) {
      const from = Date.parse(a.in_force.from);
      const until = a.in_force.until ? Date.parse(a.in_force.until) : Number.POSITIVE_INFINITY;
      return { from: iso(from), to: iso(Math.min(from + 84 * DAY, until) + DAY) };
    }
    // no period chosen: the whole record, from the first agreement in force to the newest incident
    const newest = await api.incidents(query({ ...filterQuery(p), limit: 1 }));
    const last = newest.items[0];
    if (!last) return null;
    const end = Date.parse(last.when_end) + DAY;
    const first = Math.min(...agreements.map((x) => Date.parse(x.in_force.from)).filter(Number.isFinite), end - 84 * DAY);
    return { from: iso(first), to: iso(end) };
  }

  return {
    async render(el, route) {
      const areaButton = h('button', { type: 'button', onclick: () => map && setParams({ bbox: map.visibleBbox() }) }, 'filter to the map area');
      mount(
        el,
        filtersHost,
        h('div', { class: 'map-layout' }, h('div', { class: 'map-column' }, mapHost, h('div', { class: 'map-bar' }, status, areaButton)), h('aside', null, h('h2', null, 'Incidents'), listHost)),
        h('section', { class: 'trends' }, timelineHost),
      );
      performance.mark('truce:map-create');
      // created before anything else is awaited: the base map and the first view's clusters load
      // while the page asks for actors and agreements
      map = new IncidentMap(mapHost);
      void mapConfig().then((config) => map?.useTiles(config));
      map.onAnswer = (answer) => {
        mapHost.dataset.incidentCount = String(answer.total);
        status.textContent = `${answer.total.toLocaleString('en')} located incidents${answer.truncated ? ' (zoom in to see them all)' : ''}`;
      };
      map.onError = (err) => {
        status.textContent = `The map could not be updated: ${err.message}`;
      };
      await load(route);
    },
    update(route) {
      return load(route);
    },
    destroy() {
      generation++;
      map?.destroy();
      map = null;
    },
  };
}
