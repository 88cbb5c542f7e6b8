/**
 * Where a command's store lives: `--database URL`, else DATABASE_URL, else
 * `<DIR>/.truce/truce.sqlite` for a workspace the user named, else `./.truce/truce.sqlite` (the
 * built-in workspace ships inside the package, which must stay read-only).
 */
import { join } from 'node:path';
import { DEFAULT_SQLITE_PATH } from '../store/open-store.js';

export function storeUrl(opts: { database?: string; dir?: string }): string {
  return opts.database ?? process.env.DATABASE_URL ?? join(opts.dir ?? process.cwd(), DEFAULT_SQLITE_PATH);
}

/** `[DIR] FILE...`: the first argument is the workspace when it is a folder. */
export async function splitDirAndFiles(args: string[], isDir: (p: string) => Promise<boolean>): Promise<{ dir?: string; files: string[] }> {
  if (args.length > 0 && (await isDir(args[0]))) return { dir: args[0], files: args.slice(1) };
  return { files: args };
}
