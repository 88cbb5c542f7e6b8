/**
 * `truce check [DIR] [--format text|json]`: validate a workspace and report every problem at
 * once, each as `file:line:col: severity [code] field: message` (the compiler format editors
 * jump to), sorted by file and line, then a summary. DIR defaults to the built-in Syria workspace.
 * Exit 0 when there is no error (warnings allowed), 1 when there is one, 2 on usage errors.
 */
import { relative } from 'node:path';
import { type Command, Option } from 'commander';
import { builtinWorkspaceDir } from '../../workspace/builtin.js';
import { isDirectory, loadWorkspace } from '../../workspace/load-workspace.js';
import { formatProblem } from '../../workspace/problem.js';

export async function checkCommand(dir: string | undefined, format: 'text' | 'json'): Promise<number> {
  const target = dir ?? builtinWorkspaceDir();
  if (!(await isDirectory(target))) {
    process.stderr.write(`truce check: ${target} is not a folder\n`);
    return 2;
  }
  const { workspace, problems } = await loadWorkspace(target);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (format === 'json') {
    const out = { dir: target, valid: errors === 0, errors, warnings, problems };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const shown = relative(process.cwd(), target) || '.';
    const lines = problems.map(formatProblem);
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    if (workspace) {
      const a = workspace.agreements.length;
      const summary = `${shown}: ok, ${plural(workspace.actors.length, 'actor')}, ${plural(a, 'agreement')}, ${plural(warnings, 'warning')}`;
      lines.push(summary);
    } else {
      lines.push(`${shown}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return errors === 0 ? 0 : 1;
}

export function register(program: Command): void {
  program
    .command('check')
    .description(
      'validate a workspace (actors.yaml, agreements/, zones/); report every problem with file, line and column',
    )
    .argument('[dir]', 'workspace folder (default: the built-in Syria workspace)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (dir: string | undefined, opts: { format: 'text' | 'json' }) => {
      process.exitCode = await checkCommand(dir, opts.format);
    });
}
