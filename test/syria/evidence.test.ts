/** The demo evidence of the built-in workspace is valid incident JSONL naming only known actors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { incidentSchema, isHostile } from '../../src/domain/index.js';
import { loadActors, SYRIA_DIR } from './load-syria.js';

const actorIds = new Set(['civilians', ...loadActors().map((a) => a.id)]);

function lines(file: string): unknown[] {
  return readFileSync(join(SYRIA_DIR, 'evidence', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

describe('evidence/syrian-archive.jsonl', () => {
  const raw = lines('syrian-archive.jsonl');
  const incidents = raw.map((x, i) => {
    const r = incidentSchema.safeParse(x);
    if (!r.success) throw new Error(`line ${i + 1}: ${r.error.message}`);
    return r.data;
  });

  it('holds a thousand and more valid, uniquely named incidents', () => {
    expect(incidents.length).toBeGreaterThan(1000);
    expect(new Set(incidents.map((x) => x.id)).size).toBe(incidents.length);
  });

  it('names only known actors and hostile types', () => {
    const bad = incidents.filter(
      (x) => (x.by && !actorIds.has(x.by)) || (x.against && !actorIds.has(x.against)) || !isHostile(x.type),
    );
    expect(bad.map((x) => x.id)).toEqual([]);
  });

  it('places incidents in Syria between 2012 and the 2017 scrape, with their attribution', () => {
    for (const x of incidents) {
      expect(x.when >= '2012' && x.when <= '2017-05-12', x.id).toBe(true);
      if (x.where.lat !== undefined) {
        expect(x.where.lat).toBeGreaterThan(32.3);
        expect(x.where.lat).toBeLessThan(37.4);
        expect(x.where.lon).toBeGreaterThan(35.6);
        expect(x.where.lon).toBeLessThan(42.4);
        expect(x.where.admin1).toMatch(/^SY\d\d$/);
      } else {
        expect(x.where.admin).toMatch(/^SY\d\d$/);
      }
      expect((x as { license?: string }).license).toMatch(/CC BY-SA 4\.0, Syrian Archive/);
      expect(x.sources?.length).toBeGreaterThan(0);
    }
  });
});

describe('sources.yaml', () => {
  const outlets = parse(readFileSync(join(SYRIA_DIR, 'sources.yaml'), 'utf8')) as {
    id: string;
    name: string;
    aliases: string[];
    reliability: string;
    notes: string;
  }[];
  it('rates each outlet once, on the Admiralty scale, with a justification', () => {
    expect(outlets.length).toBeGreaterThanOrEqual(20);
    expect(new Set(outlets.map((o) => o.id)).size).toBe(outlets.length);
    for (const o of outlets) {
      expect(o.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(o.reliability).toMatch(/^[A-F]$/);
      expect(Array.isArray(o.aliases)).toBe(true);
      expect(o.notes.length).toBeGreaterThan(20);
    }
    const grade = (id: string) => outlets.find((o) => o.id === id)?.reliability;
    for (const id of ['sohr', 'sana', 'reuters', 'afp', 'ap', 'al-jazeera', 'enab-baladi', 'snhr', 'russian-mod', 'turkish-mod',
      'white-helmets', 'syrian-archive', 'smart-news', 'step-news', 'orient-news', 'rt', 'tass', 'anadolu', 'un-ohchr',
      'un-ocha', 'acled', 'ucdp']) {
      expect(grade(id), id).toBeDefined();
    }
  });
});

describe('evidence/fixtures.jsonl', () => {
  it('holds every agreement fixture incident, valid and sourced', () => {
    const all = lines('fixtures.jsonl').map((x) => incidentSchema.parse(x));
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    for (const x of all) expect(String((x as { note?: string }).note).length).toBeGreaterThan(30);
  });
});
