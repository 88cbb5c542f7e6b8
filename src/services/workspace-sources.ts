/**
 * sources.yaml -> the store's source ratings. The file rates outlets on the Admiralty scale
 * (reliability A-F); we accept a list of entries, `{sources: [...]}`, or a map keyed by name,
 * with the grade under `reliability`, `rating` or `admiralty` (e.g. "B" or "B2").
 */
import type { SourceInput, Store } from '../store/store.js';

function entry(v: unknown, key?: string): SourceInput | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const name = typeof o.name === 'string' ? o.name : (key ?? (typeof o.id === 'string' ? o.id : undefined));
  if (!name) return null;
  const grade = [o.reliability, o.rating, o.admiralty].find((g) => typeof g === 'string' && g.trim()) as
    | string
    | undefined;
  return {
    id: typeof o.id === 'string' ? o.id : undefined,
    name,
    reliability: grade ? grade.trim().charAt(0).toUpperCase() : null,
    kind: typeof o.kind === 'string' ? o.kind : typeof o.type === 'string' ? o.type : null,
    url: typeof o.url === 'string' ? o.url : null,
    aliases: Array.isArray(o.aliases) ? o.aliases.filter((a): a is string => typeof a === 'string') : [],
  };
}

export function sourceEntries(data: unknown): SourceInput[] {
  if (!data) return [];
  if (Array.isArray(data)) return data.map((v) => entry(v)).filter((e): e is SourceInput => !!e);
  if (typeof data === 'object') {
    const o = data as Record<string, unknown>;
    if (Array.isArray(o.sources)) return sourceEntries(o.sources);
    if (o.sources && typeof o.sources === 'object') return sourceEntries(o.sources);
    return Object.entries(o)
      .map(([k, v]) => entry(v, k))
      .filter((e): e is SourceInput => !!e);
  }
  return [];
}

/** Load the workspace's outlet ratings into the store (idempotent). */
export async function syncWorkspaceSources(store: Store, sourcesData: unknown): Promise<number> {
  const entries = sourceEntries(sourcesData);
  if (entries.length) await store.upsertSources(entries);
  return entries.length;
}
