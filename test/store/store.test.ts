/** The storage suite: the same tests on every dialect (SQLite always, PostgreSQL with TRUCE_TEST_PG). */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/finding.js';
import { ReviewError, type ReportInput, type Store } from '../../src/store/store.js';
import { DIALECTS } from './dialects.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2016, 11, 30, 10);

function report(over: Partial<ReportInput> & { n: number }): ReportInput {
  const { n, ...rest } = over;
  return {
    format: 'jsonl',
    external_id: `ev-${n}`,
    when: new Date(T0).toISOString(),
    t_start: T0,
    t_end: T0,
    lat: 35.93,
    lon: 36.63,
    precision_km: 1,
    place: 'Idlib',
    type: 'air_drone_strike',
    by: 'syrian-government',
    against: 'civilians',
    sources: ['SOHR'],
    description: `report ${n}`,
    payload: { n },
    ...rest,
  };
}

function finding(incident: string, verdict: Finding['verdict'], agreement = 'syria-2016-12-nationwide'): Finding {
  return { incident, agreement, verdict, rule: 'ceasefire', party: 'syrian-government', answerable: 'russia', reasons: ['because'] };
}

for (const dialect of DIALECTS) {
  describe(`store on ${dialect.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await dialect.open());
    });
    afterEach(async () => {
      await cleanup();
    });

    it('stores reports idempotently by content', async () => {
      const first = await store.addReports([report({ n: 1 }), report({ n: 2, lat: 36.2, lon: 37.15, place: 'Aleppo' })]);
      expect(first.inserted).toBe(2);
      const again = await store.addReports([report({ n: 1 }), report({ n: 2, lat: 36.2, lon: 37.15, place: 'Aleppo' })]);
      expect(again).toMatchObject({ inserted: 0, duplicates: 2, incidentsCreated: 0, incidentsUpdated: 0 });
      // file and line are not content: the same report from another file is the same report
      const moved = await store.addReports([{ ...report({ n: 1 }), file: 'other.jsonl', line: 7 }]);
      expect(moved.inserted).toBe(0);
      expect(await store.stats()).toMatchObject({ reports: 2, incidents: 2, queued: 0 });
    });

    it('merges many reports of one event into one incident, with corroboration and source diversity', async () => {
      const reports = [
        report({ n: 1, sources: ['SOHR'] }),
        report({ n: 2, sources: ['SNHR'], lat: 35.935, lon: 36.634, t_start: T0 + 3_600_000, t_end: T0 + 3_600_000 }),
        report({ n: 3, sources: ['SOHR'], place: 'Idleb', lat: 35.931, lon: 36.631 }),
        report({ n: 4, sources: ['Step News'], by: null, type: 'attack' }),
        // same place and time but a different perpetrator: another event
        report({ n: 5, sources: ['SNHR'], by: 'russia' }),
        // next day: another event
        report({ n: 6, t_start: T0 + 2 * DAY, t_end: T0 + 2 * DAY }),
        // 40 km away: another event
        report({ n: 7, lat: 36.2, lon: 36.9, place: 'Sarmada' }),
      ];
      const res = await store.addReports(reports);
      expect(res.inserted).toBe(7);
      expect(res.incidentsCreated).toBe(4);
      const page = await store.listIncidents({}, { limit: 50 });
      const big = page.items.find((i) => i.report_count === 4)!;
      expect(big).toBeDefined();
      expect(big.id).toBe('ev-1');
      expect(big.source_count).toBe(3);
      expect(big.type).toBe('air_drone_strike');
      expect(big.confidence).toBeGreaterThan(0.6);
      const detail = (await store.getIncident(big.id))!;
      expect(detail.reports.map((r) => r.external_id).sort()).toEqual(['ev-1', 'ev-2', 'ev-3', 'ev-4']);
      expect(detail.sources.map((s) => s.id).sort()).toEqual(['snhr', 'sohr', 'step-news']);
      expect(detail.incident).toMatchObject({ id: 'ev-1', type: 'air_drone_strike', by: 'syrian-government' });
    });

    it('rated sources raise confidence, and re-rating recomputes it', async () => {
      await store.upsertSources([{ name: 'SNHR', reliability: 'B' }]);
      await store.addReports([report({ n: 1, sources: ['SNHR'] })]);
      const before = (await store.getIncident('ev-1'))!.confidence;
      expect(before).toBe(0.75);
      await store.upsertSources([{ name: 'SNHR', reliability: 'D' }]);
      expect((await store.getIncident('ev-1'))!.confidence).toBe(0.25);
      const sources = await store.listSources();
      expect(sources.find((s) => s.id === 'snhr')).toMatchObject({ reliability: 'D', report_count: 1 });
    });

    it('filters and paginates incidents', async () => {
      const many = Array.from({ length: 25 }, (_, i) =>
        report({ n: i, t_start: T0 + i * DAY, t_end: T0 + i * DAY, type: i % 2 ? 'armed_clash' : 'air_drone_strike', description: i === 3 ? 'Barrel bombs on the market' : `r${i}` }),
      );
      await store.addReports(many);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listIncidents({}, { limit: 7, cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      expect(seen[0]).toBe('ev-24'); // newest first
      expect((await store.listIncidents({ type: ['armed_clash'] }, { limit: 100 })).items).toHaveLength(12);
      expect((await store.listIncidents({ q: 'barrel' })).items.map((i) => i.id)).toEqual(['ev-3']);
      const jan = await store.listIncidents({ from: '2017-01-05', to: '2017-01-05' });
      expect(jan.items.map((i) => i.id)).toEqual(['ev-6']);
      expect((await store.listIncidents({ bbox: [36, 35, 37, 36] })).items.length).toBe(25);
      expect((await store.listIncidents({ bbox: [30, 30, 31, 31] })).items.length).toBe(0);
      const within = await store.listIncidents({}, { limit: 3 }, { within: () => false });
      expect(within.items).toHaveLength(0);
      await store.replaceFindings(['ev-1', 'ev-2'], [finding('ev-1', 'violation'), finding('ev-2', 'not_applicable')]);
      expect((await store.listIncidents({ agreement: 'syria-2016-12-nationwide' })).items.map((i) => i.id)).toEqual(['ev-1']);
      expect((await store.listIncidents({ verdict: ['not_applicable'] })).items.map((i) => i.id)).toEqual(['ev-2']);
      expect((await store.listIncidents({ review: ['verified'] })).items).toHaveLength(0);
    });

    it('runs the review workflow with one lock holder, and audits every change', async () => {
      await store.addReports([report({ n: 1 }), report({ n: 2, place: 'Aleppo', lat: 36.2, lon: 37.15 })]);
      const locked = await store.lockIncident('ev-1', 'alice');
      expect(locked).toMatchObject({ review_state: 'under_review', locked_by: 'alice' });
      await expect(store.lockIncident('ev-1', 'bob')).rejects.toMatchObject({ code: 'locked' });
      await expect(store.reviewIncident('ev-1', 'bob', 'verified')).rejects.toBeInstanceOf(ReviewError);
      await expect(store.reviewIncident('ev-2', 'alice', 'verified')).rejects.toMatchObject({ code: 'not_locked' });
      const verified = await store.reviewIncident('ev-1', 'alice', 'verified', { note: 'two videos geolocated' });
      expect(verified).toMatchObject({ review_state: 'verified', locked_by: null });
      await store.lockIncident('ev-2', 'bob');
      await expect(store.reviewIncident('ev-2', 'bob', 'duplicate')).rejects.toMatchObject({ code: 'invalid_input' });
      await store.reviewIncident('ev-2', 'bob', 'duplicate', { duplicateOf: 'ev-1' });
      // re-opening a verified incident and letting go returns it to verified
      await store.lockIncident('ev-1', 'bob');
      expect((await store.unlockIncident('ev-1', 'bob')).review_state).toBe('verified');
      const detail = (await store.getIncident('ev-1'))!;
      expect(detail.history.map((h) => h.action)).toEqual(['lock', 'review:verified', 'lock', 'unlock']);
      expect(detail.history[1]).toMatchObject({ actor: 'alice', justification: 'two videos geolocated', before: { review_state: 'under_review' }, after: { review_state: 'verified' } });
      expect((await store.getIncident('ev-2'))!.duplicate_of).toBe('ev-1');
    });

    it('keeps analyst overrides across recomputation', async () => {
      await store.addReports([report({ n: 1 })]);
      await store.replaceFindings(['ev-1'], [finding('ev-1', 'undetermined')]);
      await expect(store.overrideVerdict({ incident: 'ev-1', agreement: 'syria-2016-12-nationwide', verdict: 'violation', justification: ' ', analyst: 'alice' })).rejects.toMatchObject({ code: 'invalid_input' });
      const o = await store.overrideVerdict({ incident: 'ev-1', agreement: 'syria-2016-12-nationwide', verdict: 'violation', justification: 'perpetrator confirmed by flight data', analyst: 'alice' });
      expect(o).toMatchObject({ verdict: 'violation', computed_verdict: 'undetermined', override: { by: 'alice' } });
      await store.replaceFindings(['ev-1'], [finding('ev-1', 'permitted')]);
      const [f] = (await store.listFindings({ incident: 'ev-1' })).items;
      expect(f).toMatchObject({ verdict: 'violation', computed_verdict: 'permitted' });
      const cleared = await store.clearOverride({ incident: 'ev-1', agreement: 'syria-2016-12-nationwide', justification: 'flight data withdrawn', analyst: 'bob' });
      expect(cleared.verdict).toBe('permitted');
      const audit = await store.listAudit({ entity_id: 'ev-1' });
      expect(audit.items.map((a) => a.action)).toEqual(['clear_override', 'override_verdict']);
      const compliance = await store.complianceSummary('syria-2016-12-nationwide');
      expect(compliance).toEqual([{ agreement: 'syria-2016-12-nationwide', party: 'syrian-government', answerable: 'russia', period: '2016-12-30', verdict: 'permitted', count: 1 }]);
    });

    it('makes the audit log append-only in the database itself', async () => {
      await store.addReports([report({ n: 1 })]);
      await store.lockIncident('ev-1', 'alice');
      await expect(sql`UPDATE audit_log SET actor = 'mallory'`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
      expect((await store.listAudit({})).items[0].actor).toBe('alice');
    });

    it('recomputes only stale incidents', async () => {
      await store.addReports([report({ n: 1 }), report({ n: 2, t_start: T0 + 5 * DAY, t_end: T0 + 5 * DAY })]);
      expect((await store.listStaleIncidents(10)).map((i) => i.id)).toEqual(['ev-1', 'ev-2']);
      await store.replaceFindings(['ev-1', 'ev-2'], [finding('ev-1', 'violation'), finding('ev-2', 'violation')]);
      expect(await store.listStaleIncidents(10)).toEqual([]);
      // new evidence about ev-2 makes only ev-2 stale
      await store.addReports([report({ n: 3, t_start: T0 + 5 * DAY, t_end: T0 + 5 * DAY, sources: ['SNHR'] })]);
      expect((await store.listStaleIncidents(10)).map((i) => i.id)).toEqual(['ev-2']);
      expect(await store.markStale({ from: T0 - DAY, to: T0 + DAY })).toBe(1);
      expect((await store.listStaleIncidents(10)).map((i) => i.id)).toEqual(['ev-1', 'ev-2']);
    });

    it('derives an agreement status over time from claims', async () => {
      const a = 'aleppo-2016-12-evacuation';
      await store.addClaim({ agreement_id: a, kind: 'announced', at: '2016-12-13T20:00Z', claimant: 'russia', text: 'ceasefire in east Aleppo' }, 'alice');
      await store.addClaim({ agreement_id: a, kind: 'confirmed', at: '2016-12-13T22:00Z', claimant: 'turkey' }, 'alice');
      await store.addClaim({ agreement_id: a, kind: 'violation_alleged', at: '2016-12-14T08:00Z', claimant: 'russia', subject: 'ahrar-al-sham', source: 'TASS' }, 'alice');
      await store.addClaim({ agreement_id: a, kind: 'denied', at: '2016-12-14T09:00Z', claimant: 'ahrar-al-sham' }, 'alice');
      await store.addClaim({ agreement_id: a, kind: 'collapsed', at: '2016-12-14T12:00Z' }, 'alice');
      await store.addClaim({ agreement_id: a, kind: 'confirmed', at: '2016-12-14T13:00Z' }, 'alice');
      await store.addClaim({ agreement_id: a, kind: 'announced', at: '2016-12-15T01:00Z' }, 'alice');
      const status = await store.agreementStatus(a);
      expect(status.map((s) => [s.at, s.status])).toEqual([
        ['2016-12-13T20:00Z', 'announced'],
        ['2016-12-13T22:00Z', 'confirmed'],
        ['2016-12-14T08:00Z', 'disputed'],
        ['2016-12-14T12:00Z', 'collapsed'],
        ['2016-12-15T01:00Z', 'announced'],
      ]);
      const claims = await store.listClaims({ agreement: a }, { limit: 4 });
      expect(claims.items).toHaveLength(4);
      expect(claims.next_cursor).not.toBeNull();
      await expect(store.addClaim({ agreement_id: a, kind: 'rumoured' as never, at: '2016-12-15' }, 'x')).rejects.toBeInstanceOf(ReviewError);
    });

    it('stores API tokens by hash only and revokes them', async () => {
      const rec = await store.tokens.create({ id: 'tok1', name: 'ci', role: 'analyst', hash: 'ab'.repeat(32) });
      expect(rec).toMatchObject({ id: 'tok1', role: 'analyst', revoked_at: null });
      expect(await store.tokens.findByHash('ab'.repeat(32))).toMatchObject({ id: 'tok1' });
      expect(await store.tokens.findByHash('cd'.repeat(32))).toBeUndefined();
      expect(await store.tokens.revoke('tok1')).toBe(true);
      expect(await store.tokens.revoke('tok1')).toBe(false);
      expect((await store.tokens.list())[0].revoked_at).not.toBeNull();
    });

    it('queues reports and processes each exactly once', async () => {
      const res = await store.addReports([report({ n: 1 }), report({ n: 2, sources: ['SNHR'] }), report({ n: 3, when: null, t_start: null, t_end: null })], { queue: true });
      expect(res.inserted).toBe(3);
      expect((await store.stats()).queued).toBe(3);
      expect(await store.processQueue(2)).toBe(2);
      expect(await store.processQueue(10)).toBe(1);
      expect(await store.processQueue(10)).toBe(0);
      const stats = await store.stats();
      expect(stats).toMatchObject({ queued: 0, incidents: 1 });
      const failed = await store.listReports({ status: 'failed' });
      expect(failed.items.map((r) => r.external_id)).toEqual(['ev-3']);
    });

    it('submits a report by hand, clustered at once and audited', async () => {
      await store.addReports([report({ n: 1 })]);
      const { report: r, created } = await store.submitReport(report({ n: 9, format: 'manual', sources: ['Field team'] }), 'alice');
      expect(created).toBe(true);
      expect(r.incident_id).toBe('ev-1');
      const again = await store.submitReport(report({ n: 9, format: 'manual', sources: ['Field team'] }), 'alice');
      expect(again.created).toBe(false);
      expect((await store.getIncident('ev-1'))!.history.map((h) => h.action)).toEqual(['add_report']);
    });

    it('migrations are idempotent', async () => {
      expect((await store.stats()).reports).toBe(0);
    });
  });
}
