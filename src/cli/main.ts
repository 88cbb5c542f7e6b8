/**
 * `truce`: the command line. Each command lives in its own file under ./commands and registers
 * itself on the program; this file only assembles them and maps errors to exit codes
 * (0 ok, 1 invalid input, 2 usage), as formats.md §6 requires.
 *
 * Command modules are imported lazily: `truce check` should not pay for loading the HTTP server,
 * the store drivers and the extraction lexicons. Only the named command's module is loaded; help
 * (or an unknown command) loads them all so that commander can list and suggest them.
 */
import { Command, CommanderError } from 'commander';

type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Promise<{ register: Register }>> = {
  check: () => import('./commands/check.js'),
  schema: () => import('./commands/schema.js'),
  adjudicate: () => import('./commands/adjudicate.js'),
  obligations: () => import('./commands/obligations.js'),
  compliance: () => import('./commands/compliance.js'),
  extract: () => import('./commands/extract.js'),
  ingest: () => import('./commands/ingest.js'),
  export: () => import('./commands/export.js'),
  worker: () => import('./commands/worker.js'),
  serve: () => import('./commands/serve.js'),
  bulletin: () => import('./commands/bulletin.js'),
};

export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('truce')
    .description('Ceasefire monitoring and verification: agreements as data, evidence in, verdicts with reasons out.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  const first = argv.find((a) => !a.startsWith('-'));
  const names = first && first in COMMANDS ? [first] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]()).register(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
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
