// Bundles the `orcw` CLI (main/cli) with esbuild into dist/cli, so `npx orcw` runs plain
// JavaScript and compiles no TypeScript at start-up. Run by `prepare` (npm install / npm ci), by
// `npm run build` and by the test setup. `--if-stale` builds only when the bundle is missing or
// older than one of its sources.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI_BUNDLE_DIR, cliBundleProblem, sourceStamps } from '../bin/bundle-freshness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds into a scratch folder, then swaps it in, so a running `orcw` never sees half a bundle. */
export async function buildCli(root = ROOT) {
  // Stamped before esbuild reads anything; the CLI's sources all live under main/ and shared/.
  const candidates = ['main', 'shared'].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name))),
  );
  const stamps = sourceStamps(root, candidates);
  const target = path.join(root, CLI_BUNDLE_DIR);
  const scratch = `${target}.tmp-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { orcw: 'main/cli/main.ts' },
    outdir: scratch,
    bundle: true,
    // ESM with splitting: each command's services sit in chunks loaded on first use, so
    // `orcw --help` parses only the command table.
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    target: 'node24',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    // keytar is a native module (loaded from node_modules at run time), Electron is not there.
    external: ['keytar', 'electron'],
    // Bundled CommonJS dependencies (the AWS SDK) call require(); ESM has none of its own.
    banner: {
      js: "import { createRequire as __orcwCreateRequire } from 'node:module';\nconst require = __orcwCreateRequire(import.meta.url);",
    },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((file) => !file.split('/').includes('node_modules'))
    .sort();
  const inputStamps = Object.fromEntries(inputs.map((file) => [file, stamps[file] ?? sourceStamps(root, [file])[file]]));
  writeFileSync(path.join(scratch, 'build-info.json'), `${JSON.stringify({ inputs: inputStamps }, null, 1)}\n`);
  mkdirSync(path.dirname(target), { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(scratch, target);
  return { inputs: inputs.length };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && cliBundleProblem(ROOT) === undefined) process.exit(0);
  const started = performance.now();
  const { inputs } = await buildCli();
  console.log(`built ${CLI_BUNDLE_DIR} from ${inputs} source files in ${Math.round(performance.now() - started)} ms`);
}
