/**
 * Data every page needs and that rarely changes: the actor registry, the agreements and who the
 * current token belongs to. Loaded once, refreshed when the token changes.
 */
import { type About, type ActorRef, type AgreementSummary, api } from './api.js';

let actors: Promise<Map<string, ActorRef>> | null = null;
let agreements: Promise<AgreementSummary[]> | null = null;
let about: Promise<About> | null = null;

export function actorMap(): Promise<Map<string, ActorRef>> {
  actors ??= api.actors().then((r) => new Map(r.items.map((a) => [a.id, a])));
  return actors;
}

export function agreementList(): Promise<AgreementSummary[]> {
  agreements ??= api.agreements().then((r) => r.items);
  return agreements;
}

export function whoAmI(): Promise<About> {
  about ??= api.about();
  return about;
}

export function forgetIdentity(): void {
  about = null;
  actors = null;
  agreements = null;
}

/** The display name of an actor id ("civilians" and unknown ids are shown as they are). */
export function actorName(map: Map<string, ActorRef>, id: string | null | undefined): string {
  if (!id) return 'unknown';
  return map.get(id)?.name ?? id;
}

const RANK = ['viewer', 'monitor', 'analyst', 'admin'];
export function hasRole(a: About, need: 'monitor' | 'analyst' | 'admin'): boolean {
  return !!a.you.role && RANK.indexOf(a.you.role) >= RANK.indexOf(need);
}
