/**
 * Actor names of event datasets -> registry ids. ACLED and UCDP name actors their own way
 * ("Military Forces of Syria (2000-)", "Civilians (Syria)", "Government of Syria"); we try the
 * name as written, then without the parenthesised period or country, and keep every name that
 * still does not match so an analyst sees it (never silently dropped).
 */
import { CIVILIANS } from '../../domain/actor.js';
import type { ActorRegistry } from '../resolve/actor-registry.js';

const PAREN = /\s*\([^)]*\)\s*$/;

export class ActorNameMapper {
  private readonly cache = new Map<string, string | null>();
  constructor(private readonly registry: ActorRegistry | undefined) {}

  /** The registry id for a dataset's actor name at `at`, or null. */
  resolve(name: string, at: number): string | null {
    const n = name.trim();
    if (!n) return null;
    // results depend on `at` only through memberships and successions: cache per name and year
    const key = `${n}\0${Math.floor(at / 31_557_600_000)}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let id: string | null = null;
    if (/^civilians\b/i.test(n)) id = CIVILIANS;
    else if (this.registry) {
      id = this.registry.resolve(n, at).id;
      if (!id && PAREN.test(n)) id = this.registry.resolve(n.replace(PAREN, ''), at).id;
      const m = /^(?:Military|Police) Forces of (?:the )?(.+?)(?:\s*\(.*\))?$/i.exec(n);
      if (!id && m) {
        for (const guess of [m[1], `Government of ${m[1]}`, `${m[1]}n government`]) {
          id = this.registry.resolve(guess, at).id;
          if (id) break;
        }
      }
      const g = /^Government of (.+)$/i.exec(n);
      if (!id && g) id = this.registry.resolve(g[1], at).id;
      // "QSD: Syrian Democratic Forces": an acronym, then the name
      if (!id && n.includes(':')) {
        for (const part of n.split(':')) {
          id = this.registry.resolve(part.trim().replace(PAREN, ''), at).id;
          if (id) break;
        }
      }
    }
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, id);
    return id;
  }

  /** Resolve a main actor and its associates; names that do not resolve are returned in `unmatched`. */
  resolveAll(main: string, assoc: string, at: number): { id: string | null; unmatched: string[] } {
    const unmatched: string[] = [];
    const id = main.trim() ? this.resolve(main, at) : null;
    if (main.trim() && !id) unmatched.push(main.trim());
    for (const a of assoc.split(';')) if (a.trim() && !this.resolve(a, at)) unmatched.push(a.trim());
    return { id, unmatched };
  }
}
