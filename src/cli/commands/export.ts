/**
 * `truce export [DIR] [filters] --format jsonl|csv|geojson [--output FILE]`: the incidents of the
 * store with their findings, review state and sources. The filters are the API's (one zod schema,
 * src/services/incident-filters.ts): --from --to --bbox --zone --agreement --verdict --party --type
 * --review --q --min-confidence. Exit 0 ok, 1 invalid input, 2 usage.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { type Command, Option } from 'commander';
import { agreementZones } from '../../services/agreement-zones.js';
import { bboxOf, pointInAreal } from '../../geo/index.js';
import { EXPORT_FORMATS, type ExportFormat, exportIncidents } from '../../services/export-incidents.js';
import { incidentFilterSchema } from '../../services/incident-filters.js';
import { storeUrl } from '../../services/workspace-store.js';
import { openStore } from '../../store/store.js';
import { builtinWorkspaceDir } from '../../workspace/builtin.js';
import { loadWorkspace, zoneGeometryKey } from '../../workspace/load-workspace.js';

interface ExportFlags {
  database?: string;
  format: ExportFormat;
  output?: string;
  from?: string;
  to?: string;
  bbox?: string;
  zone?: string;
  agreement?: string;
  verdict?: string;
  party?: string;
  type?: string;
  review?: string;
  q?: string;
  minConfidence?: string;
}

export async function exportCommand(dir: string | undefined, flags: ExportFlags): Promise<number> {
  const { database, format, output, minConfidence, ...rest } = flags;
  const raw = Object.fromEntries(Object.entries({ ...rest, min_confidence: minConfidence }).filter(([, v]) => v !== undefined));
  let agreement = raw.agreement;
  let zoneId = raw.zone;
  if (zoneId?.includes(':')) [agreement, zoneId] = zoneId.split(':', 2);
  const parsed = incidentFilterSchema.safeParse({ ...raw, ...(agreement ? { agreement } : {}) });
  if (!parsed.success) {
    for (const i of parsed.error.issues) process.stderr.write(`truce export: --${String(i.path[0] ?? '').replace('_', '-')}: ${i.message}\n`);
    return 1;
  }
  const filter = parsed.data;
  let within: ((lon: number, lat: number) => boolean) | undefined;
  if (zoneId) {
    const { workspace, problems } = await loadWorkspace(dir ?? builtinWorkspaceDir());
    const a = workspace?.agreements.find((x) => x.id === agreement);
    if (!workspace || !a) {
      process.stderr.write(`truce export: --zone needs --agreement (or AGREEMENT:ZONE) of a valid workspace${problems.length ? ' (the workspace has errors)' : ''}\n`);
      return 1;
    }
    const z = agreementZones(a, (id, am) => workspace.zoneGeometries.get(zoneGeometryKey(a.id, id, am))).find((f) => f.id === zoneId);
    if (!z?.geometry) {
      process.stderr.write(`truce export: agreement ${a.id} has no zone ${zoneId} with a geometry\n`);
      return 1;
    }
    const geometry = z.geometry;
    const zb = bboxOf(geometry);
    const b = filter.bbox ?? [-180, -90, 180, 90];
    filter.bbox = [Math.max(zb[0], b[0]), Math.max(zb[1], b[1]), Math.min(zb[2], b[2]), Math.min(zb[3], b[3])];
    within = (lon, lat) => pointInAreal(lon, lat, geometry);
  }
  const store = await openStore({ url: storeUrl({ database, dir }) });
  try {
    const out = output ? createWriteStream(output) : process.stdout;
    const n = await exportIncidents(store, filter, format, out, within);
    if (output) {
      out.end();
      await finished(out);
    }
    process.stderr.write(`${n.toLocaleString('en')} incident${n === 1 ? '' : 's'} exported\n`);
  } finally {
    await store.close();
  }
  return 0;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('export incidents with findings, review state and sources (JSON Lines, CSV or GeoJSON)')
    .argument('[dir]', 'workspace folder (default: the built-in Syria workspace)')
    .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('jsonl'))
    .option('--output <file>', 'write to FILE instead of stdout')
    .option('--database <url>', 'postgres://... or a SQLite file (default: DATABASE_URL, else <DIR>/.truce/truce.sqlite)')
    .option('--from <time>', 'incidents ending at or after this time (ISO instant or date)')
    .option('--to <time>', 'incidents starting before this time (a date includes that day)')
    .option('--bbox <minLon,minLat,maxLon,maxLat>', 'bounding box')
    .option('--zone <zone>', 'a zone of --agreement (or AGREEMENT:ZONE)')
    .option('--agreement <id>', 'incidents with an applicable finding of this agreement')
    .option('--verdict <list>', 'violation,permitted,undetermined,not_applicable')
    .option('--party <actor>', 'incidents by this actor, or findings attributed to it')
    .option('--type <list>', 'incident types (snake_case), comma-separated')
    .option('--review <list>', 'review states, comma-separated')
    .option('--q <text>', 'text in description or place')
    .option('--min-confidence <0..1>', 'lowest confidence')
    .action(async (dir: string | undefined, flags: ExportFlags) => {
      process.exitCode = await exportCommand(dir, flags);
    });
}
