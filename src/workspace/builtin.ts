/**
 * The built-in Syria workspace shipped with the package (data/syria). Resolved relative to this
 * module: src/workspace/ under tsx and dist/workspace/ once built are both two levels below the
 * package root.
 */
import { fileURLToPath } from 'node:url';

export function builtinWorkspaceDir(): string {
  return fileURLToPath(new URL('../../data/syria', import.meta.url));
}
