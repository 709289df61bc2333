// Whether the CLI bundle (dist/cli) exists and was built after the last change to every source
// file it was built from. Plain JavaScript with no dependencies: bin/orcw.mjs runs it before
// anything else, and the build and the test setup use the same answer.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const CLI_BUNDLE_DIR = 'dist/cli';
export const CLI_ENTRY = `${CLI_BUNDLE_DIR}/orcw.mjs`;
export const CLI_BUILD_INFO = `${CLI_BUNDLE_DIR}/build-info.json`;

/**
 * undefined when the bundle is usable; otherwise why not: `missing` (never built, or a build
 * died half-way) or `stale` with the first source file changed (or removed) since the build.
 * "Changed" means another modification time or size than when the build began, as git and make
 * judge it; comparing for equality, not order, keeps a clock-skewed file from looking stale forever.
 * @param {string} root the package folder
 * @returns {{ reason: 'missing' } | { reason: 'stale', file: string } | undefined}
 */
export function cliBundleProblem(root) {
  let info;
  try {
    statSync(path.join(root, CLI_ENTRY));
    info = JSON.parse(readFileSync(path.join(root, CLI_BUILD_INFO), 'utf8'));
  } catch {
    return { reason: 'missing' };
  }
  for (const [file, seen] of Object.entries(info.inputs)) {
    const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
    if (stat === undefined || Math.trunc(stat.mtimeMs) !== seen.mtimeMs || stat.size !== seen.size) return { reason: 'stale', file };
  }
  return undefined;
}

/**
 * What the freshness check compares against: modification time and size of each file, taken
 * before the build reads them (so an edit made during the build shows up as a change).
 * @param {string} root
 * @param {string[]} files paths relative to root
 */
export function sourceStamps(root, files) {
  return Object.fromEntries(
    files.map((file) => {
      const { mtimeMs, size } = statSync(path.join(root, file));
      // Whole milliseconds: copies and archives keep no finer time.
      return [file, { mtimeMs: Math.trunc(mtimeMs), size }];
    }),
  );
}
