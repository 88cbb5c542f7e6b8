/**
 * Syrian Archive records (one row per video) -> store reports, and pairwise precision/recall of
 * the store's incidents against the archive's own grouping (same date, city and neighbourhood).
 * Pairwise measures as in entity-resolution evaluation: a pair of records is a true positive when
 * both groupings put it together (Menestrina, Whang & Garcia-Molina, "Evaluating entity
 * resolution results", VLDB 2010, §2).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parseTime } from '../../src/domain/time.js';
import type { ReportInput } from '../../src/store/store.js';

export const FIXTURE = new URL('../fixtures/syrian-archive/violations.csv', import.meta.url);

export interface ArchiveRow {
  Database_ID: string;
  Recording_Date: string;
  City: string;
  Neighborhood: string;
  Latitude: string;
  Longitude: string;
  Violation_Type: string;
  Weapons_Used: string;
  Source: string;
  Description: string;
}

export function readArchive(): ArchiveRow[] {
  return parse(readFileSync(FIXTURE), { columns: true }) as ArchiveRow[];
}

/** The archive's weapon and violation categories -> ACLED-style types (explosions family when a weapon says so). */
export function archiveType(r: ArchiveRow): string {
  const w = r.Weapons_Used.toLowerCase();
  if (/chemical|chlorine/.test(w)) return 'chemical_weapon';
  if (/cluster|barrel|incendiary|ptab|ofab/.test(w)) return 'air_drone_strike';
  if (/tochka/.test(w)) return 'shelling_artillery_missile_attack';
  if (/russian attacks/i.test(r.Violation_Type)) return 'air_drone_strike';
  return 'attack';
}

export function archiveReport(r: ArchiveRow): ReportInput {
  const t = parseTime(r.Recording_Date, 'Asia/Damascus');
  const lat = r.Latitude ? Number(r.Latitude) : null;
  const lon = r.Longitude ? Number(r.Longitude) : null;
  return {
    format: 'manual',
    external_id: `sa-${r.Database_ID}`,
    when: r.Recording_Date,
    t_start: t.start,
    t_end: t.end,
    lat,
    lon,
    precision_km: lat === null ? null : 1,
    place: r.Neighborhood || null,
    admin1: r.City || null,
    type: archiveType(r),
    by: /russian attacks/i.test(r.Violation_Type) ? 'russia' : null,
    sources: r.Source ? [r.Source] : [],
    description: r.Description || null,
    payload: r,
  };
}

export function referenceKey(r: ArchiveRow): string {
  return `${r.Recording_Date}|${r.City}|${r.Neighborhood}`;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise precision, recall and F1 of `predicted` against `reference` (same index = same record). */
export function pairwiseScores(predicted: string[], reference: string[]): { precision: number; recall: number; f1: number; predictedPairs: number; referencePairs: number } {
  const count = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
  const predictedPairs = sum(count(predicted));
  const referencePairs = sum(count(reference));
  const both = sum(count(predicted.map((p, i) => `${p}\0${reference[i]}`)));
  const precision = predictedPairs ? both / predictedPairs : 1;
  const recall = referencePairs ? both / referencePairs : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, predictedPairs, referencePairs };
}
