import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json), found from wherever tests were compiled to. */
export const REPO_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the test files');
    dir = up;
  }
  return dir;
})();

/** The shared real data (`../shared/data` beside the project; `WARDEN_SHARED_DATA` overrides). */
export const SHARED_DATA: string = process.env['WARDEN_SHARED_DATA'] ?? resolve(REPO_ROOT, '..', 'shared', 'data');

/** A path inside the shared data folder. */
export function sharedData(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

/** A path inside the repository's own small fixtures (`test/fixtures`). */
export function fixture(...parts: string[]): string {
  return join(REPO_ROOT, 'test', 'fixtures', ...parts);
}
