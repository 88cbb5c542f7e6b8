/**
 * Opening a workspace for adjudication (shared by `truce adjudicate`, `obligations` and
 * `compliance`, and usable by the API): load and validate the folder, then compile the
 * adjudicator with the built-in geometry (country and admin boundaries, places.yaml, gazetteer).
 * Returns the adjudicator, or the exit code after reporting problems on stderr.
 */
import { AgreementError } from '../pipeline/adjudicate/agreement-versions.js';
import { builtinGeometry } from '../pipeline/adjudicate/builtin-geometry.js';
import { type Adjudicator, createAdjudicator } from '../pipeline/adjudicate/index.js';
import { isDirectory, loadWorkspace, type Workspace } from '../workspace/load-workspace.js';
import { formatProblem } from '../workspace/problem.js';

export interface OpenedWorkspace {
  workspace: Workspace;
  adjudicator: Adjudicator;
}

export function adjudicatorFor(workspace: Workspace): Adjudicator {
  return createAdjudicator(workspace, { geometry: builtinGeometry(workspace.places) });
}

export async function openAdjudication(dir: string, command: string): Promise<OpenedWorkspace | number> {
  if (!(await isDirectory(dir))) {
    process.stderr.write(`truce ${command}: ${dir} is not a folder\n`);
    return 2;
  }
  const { workspace, problems } = await loadWorkspace(dir);
  if (!workspace) {
    for (const p of problems.filter((x) => x.severity === 'error'))
      process.stderr.write(`${dir.replace(/\/+$/, '')}/${formatProblem(p)}\n`);
    return 1;
  }
  try {
    const adjudicator = adjudicatorFor(workspace);
    for (const e of adjudicator.registry.entries) {
      if (e.unavailable)
        process.stderr.write(`truce ${command}: warning: ${e.unavailable}; incidents near it are undetermined\n`);
    }
    return { workspace, adjudicator };
  } catch (err) {
    if (err instanceof AgreementError) {
      process.stderr.write(`truce ${command}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
