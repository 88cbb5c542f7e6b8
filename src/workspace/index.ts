export { builtinWorkspaceDir } from './builtin.js';
export type { Areal } from './geojson-zone.js';
export {
  isDirectory,
  loadWorkspace,
  loadWorkspaceOrThrow,
  type Workspace,
  WorkspaceError,
  zoneGeometryKey,
} from './load-workspace.js';
export { type Place, placeSchema } from './places.js';
export { compareProblems, formatProblem, hasErrors, PROBLEM_CODES, type Problem, type ProblemCode } from './problem.js';
