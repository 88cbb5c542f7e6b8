/**
 * `truce serve --workers N`: N server processes behind one port (node:cluster; the primary accepts
 * connections and hands them to the workers in turn, https://nodejs.org/api/cluster.html#how-it-works).
 * One Node process answers requests on one core at a time; with SQLite in WAL mode any number of
 * processes read at once and writes queue on the database's write lock (busy_timeout), so the
 * archive stays correct. What stays per process: the short response caches (an analyst's write
 * clears them in the worker that took it; the others serve the old page for at most 2 s, the
 * compliance series for at most 10 s), the write rate limit (a token may write N times the burst,
 * once per worker) and the token lookup cache.
 *
 * The primary opens nothing itself: it runs the setup (migrations, tokens, the first-start
 * evidence) in serveCommand before forking, then only supervises: a worker that dies is replaced,
 * SIGINT/SIGTERM are passed on and the primary exits when every worker has stopped.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

/** A worker that dies within this long of its start is not replaced (it would die again). */
const MIN_UPTIME_MS = 5000;

export function superviseWorkers(count: number, log: Logger): Promise<number> {
  return new Promise<number>((done) => {
    let stopping = false;
    let exitCode = 0;
    const started = new Map<Worker, number>();
    const fork = () => started.set(cluster.fork(), Date.now());
    for (let i = 0; i < count; i++) fork();
    cluster.on('exit', (worker, code, signal) => {
      const at = started.get(worker) ?? 0;
      started.delete(worker);
      if (stopping) {
        if (started.size === 0) {
          log.info('stopped');
          done(exitCode);
        }
        return;
      }
      log.error({ worker: worker.id, code, signal }, 'worker exited');
      if (Date.now() - at < MIN_UPTIME_MS) {
        // a worker that cannot start (port taken, store unreachable) stops them all
        stopping = true;
        exitCode = 1;
        for (const w of started.keys()) w.process.kill('SIGTERM');
        if (started.size === 0) done(exitCode);
        return;
      }
      fork();
    });
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal, workers: started.size }, 'shutting down the workers');
      for (const w of started.keys()) w.process.kill(signal);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
