/**
 * Load a workspace folder (formats.md §1): actors.yaml, agreements/*.yaml, zones/*.geojson,
 * optional places.yaml and sources.yaml. Every file is read and checked even after errors, so
 * that `truce check` can report all problems at once; the workspace is returned only when there
 * is no error (warnings allowed).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Actor } from '../domain/actor.js';
import type { Agreement } from '../domain/agreement.js';
import { isKnownAdminCode } from '../geo/index.js';
import { checkActors, declaredActorIds } from './check-actors.js';
import { checkAgreement } from './check-agreement.js';
import type { ZoneContext } from './check-zones.js';
import { type Areal, resolveGeoJsonZone } from './geojson-zone.js';
import { type Place, placesFileSchema } from './places.js';
import { compareProblems, formatProblem, hasErrors, type Problem } from './problem.js';
import { SourceFile } from './source-file.js';
import { validateAt } from './zod-problems.js';

export interface Workspace {
  /** absolute path of the folder */
  dir: string;
  actors: Actor[];
  /** in file-name order */
  agreements: Agreement[];
  /** agreement id -> workspace-relative file it came from */
  agreementFiles: Map<string, string>;
  /**
   * Resolved geometry of `file` and `polygon` zones, keyed by zoneGeometryKey(). Buffer, country
   * and admin zones stay specs: the adjudicator builds their geometry.
   */
  zoneGeometries: Map<string, Areal>;
  /** places.yaml, or [] */
  places: Place[];
  /** sources.yaml as plain data, when present */
  sources?: unknown;
}

/** `agreementId/zoneId` for a zone of the agreement, `agreementId/zoneId@i` for one from amendments[i]. */
export function zoneGeometryKey(agreementId: string, zoneId: string, amendment?: number): string {
  return amendment === undefined ? `${agreementId}/${zoneId}` : `${agreementId}/${zoneId}@${amendment}`;
}

export class WorkspaceError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: Problem[],
  ) {
    const errors = problems.filter((p) => p.severity === 'error');
    const shown = errors.slice(0, 20).map(formatProblem).join('\n');
    const more = errors.length > 20 ? `\n... and ${errors.length - 20} more` : '';
    super(`invalid workspace ${dir}: ${errors.length} error(s)\n${shown}${more}`);
    this.name = 'WorkspaceError';
  }
}

/** The file's text; undefined when it does not exist; an Error when it exists but cannot be read. */
async function readText(path: string): Promise<string | undefined | Error> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return err instanceof Error ? err : new Error(String(err));
  }
}

const toPosix = (p: string) => p.split(sep).join('/');

export async function loadWorkspace(dir: string): Promise<{ workspace: Workspace | null; problems: Problem[] }> {
  const root = resolve(dir);
  const problems: Problem[] = [];
  const fileProblem = (file: string, code: Problem['code'], message: string) =>
    problems.push({ file, line: 1, column: 1, field: '', code, message, severity: 'error' });
  /** text of an optional top-level file, reporting it when it exists but cannot be read */
  const readTop = async (file: string): Promise<string | undefined> => {
    const t = await readText(join(root, file));
    if (t instanceof Error) {
      fileProblem(file, 'file-unreadable', `cannot read: ${(t as NodeJS.ErrnoException).code ?? t.message}`);
      return undefined;
    }
    return t;
  };

  // actors.yaml
  let actors: Actor[] = [];
  // undefined while actors.yaml cannot be read: then no actor reference is reported as unknown
  let actorIds: Set<string> | undefined;
  const actorsText = await readText(join(root, 'actors.yaml'));
  if (actorsText instanceof Error) {
    fileProblem(
      'actors.yaml',
      'file-unreadable',
      `cannot read: ${(actorsText as NodeJS.ErrnoException).code ?? actorsText.message}`,
    );
  } else if (actorsText === undefined) {
    fileProblem('actors.yaml', 'file-missing', 'a workspace needs an actors.yaml (the actor registry)');
  } else {
    const src = new SourceFile('actors.yaml', actorsText);
    const data = src.ok ? src.value() : undefined;
    if (src.ok && src.problems.every((p) => p.code !== 'yaml-syntax')) {
      actorIds = declaredActorIds(data);
      actors = checkActors(src, data);
    }
    problems.push(...src.problems);
  }

  // agreements/*.yaml
  const agreements: Agreement[] = [];
  const agreementFiles = new Map<string, string>();
  const zoneGeometries = new Map<string, Areal>();
  let names: string[] = [];
  try {
    names = (await readdir(join(root, 'agreements'))).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    fileProblem(
      'agreements',
      'file-missing',
      'a workspace needs an agreements/ folder with one YAML file per agreement',
    );
  }
  const readZoneFile = async (rel: string) => {
    const abs = resolve(root, rel);
    try {
      const text = await readText(abs);
      return typeof text === 'string' ? { file: toPosix(relative(root, abs)), text } : undefined;
    } catch {
      return undefined; // a folder or an unreadable file: reported as missing by the caller
    }
  };
  const zoneFileCache: ZoneContext['zoneFileCache'] = new Map();
  for (const name of names) {
    const file = `agreements/${name}`;
    let text: string;
    try {
      text = await readFile(join(root, 'agreements', name), 'utf8');
    } catch (err) {
      fileProblem(file, 'file-unreadable', `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      continue;
    }
    const src = new SourceFile(file, text);
    const data = src.ok ? src.value() : undefined;
    if (src.ok && data !== undefined) {
      const fileStem = basename(name).replace(/\.ya?ml$/, '');
      const { agreement, geometries } = await checkAgreement(src, data, {
        actorIds,
        fileStem,
        readZoneFile,
        zoneFileCache,
      });
      if (agreement) {
        const prev = agreementFiles.get(agreement.id);
        if (prev) {
          src.add(['id'], 'duplicate-id', `agreement \`${agreement.id}\` is already defined in ${prev}`);
        } else {
          agreements.push(agreement);
          agreementFiles.set(agreement.id, file);
          for (const [key, g] of geometries) {
            const [zoneId, am] = key.split('@');
            zoneGeometries.set(zoneGeometryKey(agreement.id, zoneId, am === undefined ? undefined : Number(am)), g);
          }
        }
      }
    }
    problems.push(...src.problems);
  }

  // zone files no agreement refers to are still part of the workspace: check them too
  let zoneNames: string[] = [];
  try {
    zoneNames = (await readdir(join(root, 'zones'))).filter((n) => /\.(geo)?json$/.test(n)).sort();
  } catch {
    // zones/ is optional
  }
  const checked = new Set([...zoneFileCache.keys()].map((k) => k.split('\u0000')[0]));
  for (const name of zoneNames) {
    const file = `zones/${name}`;
    if (checked.has(file)) continue;
    const text = await readText(join(root, 'zones', name));
    if (typeof text === 'string') problems.push(...resolveGeoJsonZone(file, text, undefined).problems);
  }

  // places.yaml (optional)
  let places: Place[] = [];
  const placesText = await readTop('places.yaml');
  if (placesText !== undefined) {
    const src = new SourceFile('places.yaml', placesText);
    const data = src.ok ? src.value() : undefined;
    if (src.ok) places = validateAt(src, placesFileSchema, data ?? []) ?? [];
    if (Array.isArray(data)) {
      data.forEach((p, i) => {
        const admin = (p as { admin?: unknown } | null)?.admin;
        if (typeof admin === 'string' && !isKnownAdminCode(admin)) {
          src.add([i, 'admin'], 'unknown-admin-code', `unknown admin code \`${admin}\``);
        }
      });
    }
    problems.push(...src.problems);
  }

  // sources.yaml (optional): syntax only, its contents are free-form bibliography
  let sources: unknown;
  const sourcesText = await readTop('sources.yaml');
  if (sourcesText !== undefined) {
    const src = new SourceFile('sources.yaml', sourcesText);
    if (src.ok) sources = src.value();
    problems.push(...src.problems);
  }

  const unique = dedupe(problems).sort(compareProblems);
  if (hasErrors(unique)) return { workspace: null, problems: unique };
  return {
    workspace: { dir: root, actors, agreements, agreementFiles, zoneGeometries, places, sources },
    problems: unique,
  };
}

/** A zone file used by two agreements would otherwise be reported twice. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.code}:${p.field}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Load or throw a WorkspaceError naming every error. */
export async function loadWorkspaceOrThrow(dir: string): Promise<Workspace> {
  const { workspace, problems } = await loadWorkspace(dir);
  if (!workspace) throw new WorkspaceError(resolve(dir), problems);
  return workspace;
}

/** Is `dir` an existing folder? (for the CLI's usage errors) */
export async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
