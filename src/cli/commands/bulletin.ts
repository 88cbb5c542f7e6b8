/**
 * `truce bulletin [DIR] --date D [--format html|md|pdf] [--out FILE] [--database URL] [--data FILE]`:
 * the daily bulletin of a ceasefire monitor for day D (local to the agreements' time zone): counts
 * per agreement, party, guarantor and zone against the day before, notable incidents with their
 * sources, obligations due or missed, claims and denials, a map and a chart.
 *
 * Data comes from the workspace's store (the same view the API serves), or with `--data` from a
 * JSON file of the bulletin's input model (src/bulletin/model.ts BulletinData), which is how the
 * golden tests and offline reviewers produce a bulletin without a store.
 * Output goes to stdout, or to `--out`; PDF needs `--out` and Chromium.
 * Exit 0 ok, 1 invalid input (bad data file, unreadable store, no Chromium for PDF), 2 usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { type Command, Option } from 'commander';
import { buildBulletin } from '../../bulletin/build-bulletin.js';
import type { BulletinData } from '../../bulletin/model.js';
import { renderHtml } from '../../bulletin/render-html.js';
import { renderMarkdown } from '../../bulletin/render-markdown.js';
import { PdfUnavailableError, renderPdf } from '../../bulletin/render-pdf.js';
import { renderChartSvg } from '../../bulletin/svg-chart.js';
import { renderMapSvg } from '../../bulletin/svg-map.js';
import { isValidTimeZone } from '../../domain/time.js';

type Format = 'html' | 'md' | 'pdf';

interface Options {
  date: string;
  format?: Format;
  out?: string;
  database?: string;
  data?: string;
  tz?: string;
  title?: string;
}

export async function bulletinCommand(dir: string | undefined, opts: Options): Promise<number> {
  const fail = (code: number, msg: string) => {
    process.stderr.write(`truce bulletin: ${msg}\n`);
    return code;
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date) || Number.isNaN(Date.parse(opts.date))) return fail(2, `--date must be a day, YYYY-MM-DD (got "${opts.date}")`);
  if (opts.tz && !isValidTimeZone(opts.tz)) return fail(2, `--tz "${opts.tz}" is not an IANA time zone`);
  const format: Format = opts.format ?? formatFromName(opts.out) ?? 'html';
  if (format === 'pdf' && !opts.out) return fail(2, 'PDF output needs --out FILE.pdf');
  if (opts.data && (dir || opts.database)) return fail(2, '--data replaces the store: give either --data or DIR/--database');

  let data: BulletinData;
  try {
    data = opts.data ? await readDataFile(opts.data, opts) : await fromStore(dir, opts);
  } catch (err) {
    return fail(1, err instanceof Error ? err.message : String(err));
  }
  const model = buildBulletin(data);

  try {
    if (format === 'pdf') {
      await writeFile(opts.out!, await renderPdf(renderHtml(model)));
    } else if (format === 'html') {
      await output(opts.out, renderHtml(model));
    } else if (opts.out) {
      // Markdown viewers often strip inline SVG: write the map and the chart beside the file
      const stem = join(dirname(opts.out), basename(opts.out, extname(opts.out)));
      await writeFile(`${stem}.map.svg`, renderMapSvg(model.map));
      await writeFile(`${stem}.chart.svg`, renderChartSvg(model.chart, model.date, model.previousDate));
      const rel = (s: string) => `./${basename(s)}`;
      await output(opts.out, renderMarkdown(model, { mapHref: rel(`${stem}.map.svg`), chartHref: rel(`${stem}.chart.svg`) }));
    } else {
      await output(undefined, renderMarkdown(model));
    }
  } catch (err) {
    if (err instanceof PdfUnavailableError) return fail(1, err.message);
    throw err;
  }
  if (opts.out) process.stderr.write(`truce bulletin: wrote ${opts.out} (${model.totals.incidents.today} incidents, ${model.totals.violations.today} violations on ${model.date})\n`);
  return 0;
}

function formatFromName(out?: string): Format | undefined {
  const ext = out ? extname(out).toLowerCase() : '';
  return ext === '.pdf' ? 'pdf' : ext === '.md' || ext === '.markdown' ? 'md' : ext === '.html' || ext === '.htm' ? 'html' : undefined;
}

async function output(out: string | undefined, text: string): Promise<void> {
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}

async function readDataFile(file: string, opts: Options): Promise<BulletinData> {
  let data: BulletinData;
  try {
    data = JSON.parse(await readFile(file, 'utf8')) as BulletinData;
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const key of ['actors', 'agreements', 'zones', 'incidents', 'findings', 'obligations', 'claims'] as const) {
    if (!Array.isArray(data[key])) throw new Error(`${file}: field "${key}" must be a list`);
  }
  return { ...data, date: opts.date, tz: opts.tz ?? data.tz ?? 'UTC', title: opts.title ?? data.title };
}

async function fromStore(dir: string | undefined, opts: Options): Promise<BulletinData> {
  const { openBulletinBackend } = await import('../../bulletin/open-backend.js');
  const { gatherBulletinData } = await import('../../bulletin/gather.js');
  const { backend, close } = await openBulletinBackend(dir, opts.database);
  try {
    return await gatherBulletinData(backend, { date: opts.date, tz: opts.tz, title: opts.title });
  } finally {
    await close();
  }
}

export function register(program: Command): void {
  program
    .command('bulletin')
    .description('the daily bulletin: counts against the previous day, notable incidents, obligations, claims, a map and a chart')
    .argument('[dir]', 'workspace folder (default: the built-in Syria workspace)')
    .requiredOption('--date <day>', 'the day reported, YYYY-MM-DD (local to the agreements\' time zone)')
    .addOption(new Option('--format <format>', 'output format (default: from --out, else html)').choices(['html', 'md', 'pdf']))
    .option('--out <file>', 'write to this file instead of stdout (needed for pdf)')
    .option('--database <url>', 'the store: postgres://... or a SQLite file (default: DATABASE_URL, else DIR/.truce/truce.sqlite, else ./.truce/truce.sqlite)')
    .option('--data <file>', 'read the bulletin input (BulletinData JSON) from a file instead of the store')
    .option('--tz <zone>', 'IANA time zone of the day (default: the first agreement\'s tz)')
    .option('--title <text>', 'bulletin title')
    .action(async (dir: string | undefined, opts: Options) => {
      process.exitCode = await bulletinCommand(dir, opts);
    });
}
