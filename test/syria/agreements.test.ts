/**
 * The built-in agreements (issue 4): each parses, refers only to known actors, zones and rules,
 * cites a clause for every rule, and says when a zone is an approximation. The approximate zone
 * polygons are checked against towns whose side of the line is not in doubt.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type Agreement, type PartyEntry, parseBoundary, zoneForm } from '../../src/domain/index.js';
import { agreementFiles, loadActors, loadAgreement, SYRIA_DIR } from './load-syria.js';

const actorIds = new Set(loadActors().map((a) => a.id));
const files = agreementFiles();
const partyId = (p: PartyEntry) => (typeof p === 'string' ? p : p.id);

describe('agreements', () => {
  it('ships the six Syrian agreements', () => {
    expect(files.map((f) => basename(f, '.yaml'))).toEqual([
      'idlib-2018-sochi',
      'idlib-2020-moscow-protocol',
      'syria-2016-02-coh',
      'syria-2016-09-us-russia',
      'syria-2016-12-nationwide',
      'syria-2017-05-astana-deescalation',
    ]);
  });

  describe.each(files)('%s', (file) => {
    const a: Agreement = loadAgreement(file);
    const zoneIds = new Set([
      ...Object.keys(a.zones ?? {}),
      ...(a.amendments ?? []).flatMap((m) => Object.keys(m.zones ?? {})),
    ]);
    const ruleIds = new Set([
      ...(a.rules ?? []).map((r) => r.id),
      ...(a.amendments ?? []).flatMap((m) => (m.rules ?? []).map((r) => r.id)),
    ]);

    it('is named after its id and cites its documents', () => {
      expect(basename(file, '.yaml')).toBe(a.id);
      expect(a.documents?.length).toBeGreaterThan(0);
      expect(a.sources?.length).toBeGreaterThan(0);
      expect(a.tz).toBe('Asia/Damascus');
    });

    it('refers only to known actors', () => {
      const refs = [
        ...a.parties.bound.map(partyId),
        ...(a.parties.excluded ?? []).map(partyId),
        ...(a.parties.guarantors ?? []).flatMap((g) => [g.actor, ...g.answers_for]),
        ...(a.rules ?? []).flatMap((r) =>
          r.kind === 'phase' ? r.quiet_parties : 'who' in r && r.who ? r.who : [],
        ),
        ...(a.amendments ?? []).flatMap((m) => [
          ...(m.parties?.bound_add ?? []).map(partyId),
          ...(m.parties?.excluded_add ?? []).map(partyId),
          ...(m.parties?.bound_remove ?? []),
          ...(m.parties?.guarantors_add ?? []).flatMap((g) => [g.actor, ...g.answers_for]),
        ]),
      ];
      expect(refs.filter((id) => !actorIds.has(id))).toEqual([]);
    });

    it('has guarantors answer only for bound parties', () => {
      const bound = new Set([
        ...a.parties.bound.map(partyId),
        ...(a.amendments ?? []).flatMap((m) => (m.parties?.bound_add ?? []).map(partyId)),
      ]);
      const stray = (a.parties.guarantors ?? []).flatMap((g) => g.answers_for).filter((id) => !bound.has(id));
      expect(stray).toEqual([]);
    });

    it('refers only to known zones and rules', () => {
      const bad: string[] = [];
      for (const r of a.rules ?? []) {
        if ('where' in r && r.where && !zoneIds.has(r.where)) bad.push(`${r.id}.where ${r.where}`);
        if (r.kind === 'withdrawal' && !zoneIds.has(r.from)) bad.push(`${r.id}.from ${r.from}`);
        if (r.kind === 'phase') for (const e of r.enables) if (!ruleIds.has(e)) bad.push(`${r.id}.enables ${e}`);
      }
      for (const z of Object.values(a.zones ?? {})) {
        if ('file' in z && !existsSync(join(SYRIA_DIR, z.file))) bad.push(`missing ${z.file}`);
      }
      expect(bad).toEqual([]);
    });

    it('cites the clause of every rule', () => {
      expect((a.rules ?? []).filter((r) => !r.clause || r.clause.length < 10).map((r) => r.id)).toEqual([]);
    });

    it('says so when a drawn zone is an approximation', () => {
      const zones = [...Object.entries(a.zones ?? {}), ...(a.amendments ?? []).flatMap((m) => Object.entries(m.zones ?? {}))];
      const silent = zones
        .filter(([, z]) => zoneForm(z) !== 'country')
        .filter(([, z]) => !/approximation/i.test(z.note ?? ''))
        .map(([id]) => id);
      expect(silent).toEqual([]);
    });

    it('records amendments in time order, after entry into force', () => {
      const start = parseBoundary(a.in_force.from, a.tz);
      const times = (a.amendments ?? []).map((m) => parseBoundary(m.from, a.tz));
      expect([...times].sort((x, y) => x - y)).toEqual(times);
      for (const t of times) expect(t).toBeGreaterThanOrEqual(start);
    });
  });
});

describe('approximate zone polygons', () => {
  const zone = (f: string) => JSON.parse(readFileSync(join(SYRIA_DIR, 'zones', f), 'utf8')) as Feature<Polygon>;
  const inside = (f: string, lon: number, lat: number) => booleanPointInPolygon([lon, lat], zone(f));
  const towns = {
    idlib: [36.634, 35.931],
    jisrShughur: [36.32, 35.814],
    atarib: [36.825, 36.139],
    khanShaykhun: [36.651, 35.442],
    saraqib: [36.806, 35.864],
    maarrat: [36.677, 35.648],
    abuDuhur: [37.05, 35.74],
    aleppo: [37.16, 36.2],
    hama: [36.75, 35.13],
    latakia: [35.78, 35.52],
    douma: [36.4, 33.573],
    damascus: [36.29, 33.51],
    rastan: [36.733, 34.927],
    homs: [36.72, 34.73],
    nawa: [36.04, 32.89],
    bosra: [36.48, 32.52],
    sweida: [36.57, 32.71],
  } satisfies Record<string, [number, number]>;

  it('are closed polygons of a few dozen vertices, each with a note', () => {
    for (const f of [
      'idlib-deescalation-area-2017.geojson',
      'idlib-deescalation-area-2018.geojson',
      'idlib-area-2020.geojson',
      'northern-homs.geojson',
      'eastern-ghouta.geojson',
      'southern-deescalation-area.geojson',
    ]) {
      const z = zone(f);
      const ring = z.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ring.length).toBeLessThanOrEqual(100);
      expect(String(z.properties?.note)).toMatch(/^Approximation/);
    }
  });

  it('put towns on the side of the line the sources put them', () => {
    const idlibCore = [towns.idlib, towns.jisrShughur, towns.atarib];
    for (const f of ['idlib-deescalation-area-2017.geojson', 'idlib-deescalation-area-2018.geojson', 'idlib-area-2020.geojson']) {
      for (const [lon, lat] of idlibCore) expect(inside(f, lon, lat), `${f} ${lon},${lat}`).toBe(true);
      for (const [lon, lat] of [towns.aleppo, towns.hama, towns.latakia]) expect(inside(f, lon, lat)).toBe(false);
    }
    // taken by the government in January-February 2018
    expect(inside('idlib-deescalation-area-2017.geojson', ...towns.abuDuhur)).toBe(true);
    expect(inside('idlib-deescalation-area-2018.geojson', ...towns.abuDuhur)).toBe(false);
    // taken in August 2019 - February 2020
    for (const t of [towns.khanShaykhun, towns.saraqib, towns.maarrat]) {
      expect(inside('idlib-deescalation-area-2018.geojson', ...t)).toBe(true);
      expect(inside('idlib-area-2020.geojson', ...t)).toBe(false);
    }
    expect(inside('eastern-ghouta.geojson', ...towns.douma)).toBe(true);
    expect(inside('eastern-ghouta.geojson', ...towns.damascus)).toBe(false);
    expect(inside('northern-homs.geojson', ...towns.rastan)).toBe(true);
    expect(inside('northern-homs.geojson', ...towns.homs)).toBe(false);
    expect(inside('southern-deescalation-area.geojson', ...towns.nawa)).toBe(true);
    expect(inside('southern-deescalation-area.geojson', ...towns.bosra)).toBe(true);
    expect(inside('southern-deescalation-area.geojson', ...towns.sweida)).toBe(false);
  });
});
