/**
 * `truce`: the command line. Each command lives in its own file under ./commands and registers
 * itself on the program; this file only assembles them and maps errors to exit codes
 * (0 ok, 1 invalid input, 2 usage), as formats.md §6 requires.
 */
import { Command, CommanderError } from 'commander';
import { register as adjudicate } from './commands/adjudicate.js';
import { register as bulletin } from './commands/bulletin.js';
import { register as check } from './commands/check.js';
import { register as compliance } from './commands/compliance.js';
import { register as exportCmd } from './commands/export.js';
import { register as extract } from './commands/extract.js';
import { register as ingest } from './commands/ingest.js';
import { register as obligations } from './commands/obligations.js';
import { register as schema } from './commands/schema.js';
import { register as serve } from './commands/serve.js';
import { register as worker } from './commands/worker.js';

export function buildProgram(): Command {
  const program = new Command('truce')
    .description('Ceasefire monitoring and verification: agreements as data, evidence in, verdicts with reasons out.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const register of [check, schema, adjudicate, obligations, compliance, extract, ingest, exportCmd, worker, serve, bulletin]) {
    register(program);
  }
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are "errors" to commander but successes to the user
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    throw err;
  }
}

const invokedDirectly = process.argv[1] && /(?:main\.(?:ts|js)|truce(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`truce: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
