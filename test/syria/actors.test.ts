/**
 * The built-in actor registry (issue 4): unique ids, known references, no membership cycles or
 * overlapping memberships, and every name resolving to exactly one actor at a date when the actor
 * was active, except an explicit allow-list of descriptors that are ambiguous on purpose.
 */
import { describe, expect, it } from 'vitest';
import { type Actor, parseBoundary } from '../../src/domain/index.js';
import { normalizeName } from '../../src/pipeline/resolve/normalize-name.js';
import { createActorRegistry } from '../../src/pipeline/resolve/actor-registry.js';
import { loadActors } from './load-syria.js';

const TZ = 'Asia/Damascus';
const t = (v: unknown) => parseBoundary(v as string, TZ);

/** Names two unrelated actors share on purpose, each listed with the reason. */
const AMBIGUOUS_ALLOWED = new Map<string, string>([
  // Western media say "militants" for rebels and jihadists alike; the registry must not pick one.
  [normalizeName('militants'), 'jihadist-groups|opposition-armed-groups'],
]);

const actors = loadActors();
const reg = createActorRegistry(actors, { tz: TZ });
const byId = new Map(actors.map((a) => [a.id, a]));

/** A date inside the actor's active period (and inside 2011-2020). */
function sampleTime(a: Actor): number {
  const from = Math.max(a.active?.from ? t(a.active.from) : 0, t('2011-03-15'));
  const until = Math.min(a.active?.until ? t(a.active.until) : Number.POSITIVE_INFINITY, t('2020-12-31'));
  return Math.floor((from + until) / 2);
}

describe('actors.yaml', () => {
  it('lists at least 150 actors with unique ids', () => {
    expect(actors.length).toBeGreaterThanOrEqual(150);
    expect(new Set(actors.map((a) => a.id)).size).toBe(actors.length);
    expect(byId.has('civilians')).toBe(false); // reserved, needs no entry
  });

  it('refers only to known actors', () => {
    const missing: string[] = [];
    for (const a of actors) {
      for (const m of a.member_of ?? []) if (!byId.has(m.id)) missing.push(`${a.id} member_of ${m.id}`);
      for (const x of a.affiliate_of ?? []) if (!byId.has(x)) missing.push(`${a.id} affiliate_of ${x}`);
      if (a.succeeded_by && !byId.has(a.succeeded_by.id)) missing.push(`${a.id} succeeded_by ${a.succeeded_by.id}`);
    }
    expect(missing).toEqual([]);
  });

  it('has no membership or succession cycles', () => {
    const cycles: string[] = [];
    for (const a of actors) {
      const seen = new Set<string>([a.id]);
      const stack = (a.member_of ?? []).map((m) => m.id);
      while (stack.length) {
        const x = stack.pop() as string;
        if (x === a.id) {
          cycles.push(a.id);
          break;
        }
        if (seen.has(x)) continue;
        seen.add(x);
        for (const m of byId.get(x)?.member_of ?? []) stack.push(m.id);
      }
      const chain = new Set<string>();
      for (let s: string | undefined = a.id; s; s = byId.get(s)?.succeeded_by?.id) {
        if (chain.has(s)) {
          cycles.push(`succession ${a.id}`);
          break;
        }
        chain.add(s);
      }
    }
    expect(cycles).toEqual([]);
  });

  it('never lists two overlapping memberships of the same coalition', () => {
    const overlaps: string[] = [];
    for (const a of actors) {
      const ms = a.member_of ?? [];
      for (let i = 0; i < ms.length; i++) {
        for (let j = i + 1; j < ms.length; j++) {
          if (ms[i].id !== ms[j].id) continue;
          const [f1, u1] = [ms[i].from ? t(ms[i].from) : -Infinity, ms[i].until ? t(ms[i].until) : Infinity];
          const [f2, u2] = [ms[j].from ? t(ms[j].from) : -Infinity, ms[j].until ? t(ms[j].until) : Infinity];
          if (f1 < u2 && f2 < u1) overlaps.push(`${a.id} in ${ms[i].id}`);
        }
      }
      for (const m of ms) if (m.from && m.until && t(m.from) >= t(m.until)) overlaps.push(`${a.id}: empty ${m.id}`);
    }
    expect(overlaps).toEqual([]);
  });

  it('ends the memberships of a renamed actor when its name ends', () => {
    // formats.md §5: predecessor and successor names are one actor, so a membership held under the
    // old name after the renaming would overlap the successor's own.
    const late = actors
      .filter((a) => a.succeeded_by)
      .flatMap((a) =>
        (a.member_of ?? [])
          .filter((m) => !m.until || t(m.until) > t(a.succeeded_by?.date))
          .map((m) => `${a.id} in ${m.id}`),
      );
    expect(late).toEqual([]);
  });

  it('gives a source for dated memberships and successions of organisations', () => {
    const unsourced = actors
      .filter((a) => !a.descriptor)
      .filter((a) => a.succeeded_by || (a.member_of ?? []).some((m) => m.from || m.until))
      .filter((a) => !a.sources?.length)
      .map((a) => a.id);
    expect(unsourced).toEqual([]);
  });

  it('resolves every name and alias to exactly one actor when the actor was active', () => {
    const wrong: string[] = [];
    const ambiguous = new Set<string>();
    for (const a of actors) {
      const at = sampleTime(a);
      for (const name of [a.name, a.name_ar, ...(a.aliases ?? [])]) {
        if (!name) continue;
        const r = reg.resolve(name, at);
        if (r.ambiguous.length) {
          const allowed = AMBIGUOUS_ALLOWED.get(normalizeName(name));
          if (allowed === r.ambiguous.join('|')) ambiguous.add(normalizeName(name));
          else wrong.push(`"${name}" (${a.id}) is ambiguous: ${r.ambiguous.join(', ')}`);
          continue;
        }
        const lineage = reg.lineage(a.id);
        const own = r.id !== null && lineage.includes(r.id);
        const viaDescriptor = a.descriptor && r.via === a.id;
        if (!own && !viaDescriptor) wrong.push(`"${name}" (${a.id}) -> ${r.id}`);
      }
    }
    expect(wrong).toEqual([]);
    // the allow-list holds only names that really are ambiguous
    expect([...ambiguous].sort()).toEqual([...AMBIGUOUS_ALLOWED.keys()].sort());
  });

  it('keeps the Nusra succession and the al-Qaeda affiliation', () => {
    expect(reg.lineage('jabhat-al-nusra')).toEqual(['jabhat-al-nusra', 'jabhat-fateh-al-sham', 'hayat-tahrir-al-sham']);
    expect(reg.resolve('Jabhat al-Nusra', t('2016-12-31')).id).toBe('jabhat-fateh-al-sham');
    expect(reg.resolve('هيئة تحرير الشام').id).toBe('hayat-tahrir-al-sham');
    expect(reg.affiliatesOf('al-qaeda')).toEqual(
      expect.arrayContaining(['jabhat-al-nusra', 'hurras-al-din', 'turkistan-islamic-party']),
    );
  });

  it('dates the NFL and SNA memberships', () => {
    expect(reg.membersOf('national-front-for-liberation', t('2018-06-01')).sort()).toEqual(
      expect.arrayContaining(['faylaq-al-sham', 'jaysh-al-nasr', 'jaysh-idlib-al-hurr']),
    );
    expect(reg.membersOf('national-front-for-liberation', t('2018-06-01'))).not.toContain('ahrar-al-sham');
    expect(reg.coalitionsAt('ahrar-al-sham', t('2018-09-01'))).toEqual(['national-front-for-liberation']);
    expect(reg.coalitionsAt('ahrar-al-sham', t('2019-11-01'))).toEqual(
      expect.arrayContaining(['national-front-for-liberation', 'syrian-national-army']),
    );
  });

  it('maps descriptors as documented', () => {
    expect(reg.resolve('regime forces', t('2017-01-03')).id).toBe('syrian-government');
    expect(reg.resolve('Russian warplanes', t('2017-01-03')).id).toBe('russian-aerospace-forces');
    expect(reg.resolve('unidentified aircraft', t('2017-01-03'))).toMatchObject({ id: null, descriptor: true });
    expect(reg.resolve('rebels', t('2017-01-03'))).toMatchObject({ id: null, via: 'opposition-armed-groups' });
    expect(reg.resolve('jihadists', t('2017-01-03'))).toMatchObject({ id: null, via: 'jihadist-groups' });
    expect(reg.resolve('pro-Turkish groups', t('2016-01-01'))).toMatchObject({ id: null, via: 'turkish-backed-factions' });
    expect(reg.resolve('pro-Turkish groups', t('2017-01-01')).id).toBe('turkish-backed-fsa');
    expect(reg.resolve('pro-Turkish groups', t('2019-01-01')).id).toBe('syrian-national-army');
  });
});
