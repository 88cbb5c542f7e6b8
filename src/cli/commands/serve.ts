/**
 * `truce serve [DIR] [--port N] [--host H] [--database URL] [--public] [--config FILE]`: one
 * process serving the HTTP API (/api/v1, /openapi.json, /docs) and the built dashboard (web/dist).
 *
 * On start it loads the workspace (the built-in Syria workspace by default), opens the store and,
 * when the store is empty, loads the workspace's bundled evidence and adjudicates it, so that the
 * dashboard shows real data on first start. Where the database lives (the same rule as `truce
 * ingest`, `export` and `bulletin`, services/workspace-store.ts): `--database`, else `database:` in
 * the config, else DATABASE_URL, else `<DIR>/.truce/truce.sqlite` for a workspace folder you name,
 * else `./.truce/truce.sqlite` in the current folder for the built-in workspace (which ships inside
 * the package and must stay read-only). A SQLite path or a postgres:// URL.
 *
 * `--workers N` serves with N processes on one port (../serve-workers.ts: what is per process).
 *
 * Tokens: `--create-token ROLE [--token-name NAME]` prints a new API token and exits;
 * `--print-admin-token` creates and prints an admin token on start when none exists yet.
 * Secrets are printed once and stored hashed. See docs/api.md.
 */
import cluster from 'node:cluster';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve as listen } from '@hono/node-server';
import { type Command, InvalidArgumentError, Option } from 'commander';
import pino from 'pino';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { createApp } from '../../api/app.js';
import { issueToken, ROLES, type Role } from '../../api/auth.js';
import { storeBackend } from '../../api/store-backend.js';
import { adjudicatorFor } from '../../services/compliance-workspace.js';
import { loadDemoEvidence } from '../../services/demo-evidence.js';
import { storeUrl } from '../../services/workspace-store.js';
import { openStore, type Store } from '../../store/store.js';
import { builtinWorkspaceDir } from '../../workspace/builtin.js';
import { isDirectory, loadWorkspace } from '../../workspace/load-workspace.js';
import { formatProblem } from '../../workspace/problem.js';
import { superviseWorkers } from '../serve-workers.js';

/** `truce.yaml` in the workspace folder, or the file given with --config. Flags win over it. */
export const serveConfigSchema = z
  .object({
    public_read: z.boolean().optional(),
    port: z.number().int().min(0).max(65535).optional(),
    host: z.string().min(1).optional(),
    database: z.string().min(1).optional(),
    write_rate_limit: z
      .object({ burst: z.number().int().positive(), per_minute: z.number().positive() })
      .strict()
      .optional(),
    /** raster tile URL template for the dashboard's base map (offline bundled boundaries when absent) */
    tile_url: z.string().min(1).optional(),
    body_limit_bytes: z.number().int().positive().optional(),
  })
  .strict();
export type ServeConfig = z.infer<typeof serveConfigSchema>;

export interface ServeOptions {
  port?: number;
  host?: string;
  database?: string;
  public?: boolean;
  config?: string;
  demo: boolean;
  createToken?: Role;
  tokenName?: string;
  printAdminToken?: boolean;
  logLevel: string;
  /** server processes sharing the port (default 1: this process serves) */
  workers?: number;
}

const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function readServeConfig(file: string): ServeConfig {
  const parsed = serveConfigSchema.safeParse(parseYaml(readFileSync(file, 'utf8')) ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new InvalidArgumentError(issues.join('\n'));
  }
  return parsed.data;
}

async function printAdminTokenIfNone(store: Store, log: pino.Logger): Promise<void> {
  const active = (await store.tokens.list()).filter((t) => t.role === 'admin' && !t.revoked_at);
  if (active.length > 0) {
    log.info(
      { admins: active.length },
      'an admin token exists already; not creating another (use --create-token admin)',
    );
    return;
  }
  const { token, record } = await issueToken(store.tokens, 'admin', 'admin');
  process.stdout.write(
    `\nAdmin API token (shown once, store it now): ${token}\n  id ${record.id}; use it as "Authorization: Bearer ${token.slice(0, 10)}..."\n\n`,
  );
}

export async function serveCommand(dirArg: string | undefined, opts: ServeOptions): Promise<number> {
  const dir = resolve(dirArg ?? builtinWorkspaceDir());
  if (!(await isDirectory(dir))) {
    process.stderr.write(`truce serve: ${dir} is not a folder\n`);
    return 2;
  }
  const configFile = opts.config ?? (existsSync(join(dir, 'truce.yaml')) ? join(dir, 'truce.yaml') : undefined);
  let config: ServeConfig = {};
  try {
    if (configFile) config = readServeConfig(configFile);
  } catch (err) {
    process.stderr.write(`truce serve: ${(err as Error).message}\n`);
    return 1;
  }
  // logs go to stderr so that stdout carries only what a script may capture (a created token)
  const log = pino({ level: opts.logLevel, base: { service: 'truce' } }, pino.destination(2));
  const { workspace, problems } = await loadWorkspace(dir);
  if (!workspace) {
    for (const p of problems.filter((x) => x.severity === 'error'))
      process.stderr.write(`${dir}/${formatProblem(p)}\n`);
    return 1;
  }
  const url = storeUrl({ database: opts.database ?? config.database, dir: dirArg });
  const store = await openStore({ url });
  log.info(
    {
      workspace: dir,
      agreements: workspace.agreements.length,
      store: store.dialect,
      database: /^postgres/i.test(url) ? url.replace(/\/\/[^@]*@/, '//***@') : url,
    },
    'opened',
  );

  if (opts.createToken) {
    const { token, record } = await issueToken(
      store.tokens,
      opts.tokenName ?? `${opts.createToken} token`,
      opts.createToken,
    );
    process.stdout.write(`${token}\n`);
    process.stderr.write(
      `created ${record.role} token ${record.id} (${record.name}); the secret above is shown once\n`,
    );
    await store.close();
    return 0;
  }
  // a worker of `--workers` runs this command again with the same flags: the primary did the setup
  const setup = cluster.isPrimary;
  if (setup && opts.printAdminToken) await printAdminTokenIfNone(store, log);

  const adjudicator = adjudicatorFor(workspace);
  if (setup && opts.demo) {
    const loaded = await loadDemoEvidence(store, workspace, adjudicator);
    if (loaded) {
      log.info(
        {
          files: loaded.files,
          reports: loaded.reports,
          claims: loaded.claims,
          incidents: loaded.incidents,
          findings: loaded.findings,
        },
        'empty store: loaded the workspace evidence',
      );
      for (const p of loaded.problems.slice(0, 20)) log.warn(p);
    }
  }

  if (cluster.isPrimary && (opts.workers ?? 1) > 1) {
    await store.close();
    return superviseWorkers(opts.workers ?? 1, log);
  }

  const webDist = join(packageRoot, 'web', 'dist');
  if (!existsSync(join(webDist, 'index.html')))
    log.warn({ webDist }, 'dashboard not built (npm run build:web); serving the API only');
  const publicRead = opts.public ?? config.public_read ?? false;
  const app = createApp({
    backend: storeBackend(store, workspace),
    config: {
      publicRead,
      webDist,
      tileUrl: config.tile_url ?? null,
      warmMap: true,
      bodyLimitBytes: config.body_limit_bytes,
      writeLimit: config.write_rate_limit
        ? { burst: config.write_rate_limit.burst, perMinute: config.write_rate_limit.per_minute }
        : undefined,
    },
    logger: log,
  });
  const port = opts.port ?? config.port ?? 8080;
  const host = opts.host ?? config.host ?? '127.0.0.1';

  return new Promise<number>((done) => {
    const server = listen({ fetch: app.fetch, port, hostname: host }, (info) => {
      log.info(
        {
          url: `http://${host}:${info.port}/`,
          docs: `http://${host}:${info.port}/docs`,
          public_read: publicRead,
          ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}),
        },
        'listening',
      );
    });
    server.on('error', async (err) => {
      log.error({ err }, 'cannot listen');
      await store.close();
      done(1);
    });
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down: finishing open requests');
      // requests in flight finish; idle keep-alive sockets would hold close() open, so end them after a grace period
      const force = setTimeout(
        () => (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(),
        5000,
      );
      server.close(async () => {
        clearTimeout(force);
        // a store that does not close in 5 s (a hung PostgreSQL connection) must not keep the process alive
        await Promise.race([store.close(), new Promise((r) => setTimeout(r, 5000).unref())]);
        log.info('stopped');
        // a worker's channel to the primary would keep it alive
        if (cluster.isWorker) process.disconnect();
        done(0);
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

function portNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is an integer 0-65535');
  return n;
}

function workerCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('--workers is an integer 1-64');
  return n;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/v1, /openapi.json, /docs) and the dashboard for a workspace')
    .argument('[dir]', 'workspace folder (default: the built-in Syria workspace)')
    .option('--port <n>', 'port (default 8080, or `port` in truce.yaml)', portNumber)
    .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
    .option('--database <url>', 'SQLite file or postgres:// URL (default: see docs/api.md)')
    .option('--public', 'let anyone read without a token (writes still need one)')
    .option('--config <file>', 'configuration file (default: DIR/truce.yaml when present)')
    .option('--no-demo', 'do not load the workspace evidence into an empty store')
    .addOption(
      new Option('--create-token <role>', 'create an API token with this role, print it, and exit').choices([...ROLES]),
    )
    .option('--token-name <name>', 'name for --create-token (who holds it)')
    .option(
      '--workers <n>',
      'server processes sharing the port (default 1); caches and write rate limits are per process',
      workerCount,
    )
    .option('--print-admin-token', 'on start, create and print an admin token if none exists')
    .addOption(
      new Option('--log-level <level>', 'pino log level')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('info'),
    )
    .action(async (dir: string | undefined, opts: ServeOptions) => {
      process.exitCode = await serveCommand(dir, opts);
    });
}
