#!/usr/bin/env node
// Entry of the `orcw` CLI: loads the esbuild bundle of main/cli (dist/cli, built on `npm install`
// by the `prepare` script and by `npm run build`), so no TypeScript is compiled at start-up.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `error: orcw needs Node.js 24 or newer, but this is Node.js ${process.version}.\n` +
      'hint: run it as "npx orcw …" from the project folder, which puts the project\'s own Node 24 first.\n',
  );
  process.exit(1);
}

const { fileURLToPath } = await import('node:url');
const { CLI_ENTRY, cliBundleProblem } = await import('./bundle-freshness.mjs');
const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
// A bundle older than the sources would run yesterday's code: refuse, and say how to fix it.
const problem = cliBundleProblem(root);
if (problem !== undefined) {
  const what = problem.reason === 'missing' ? `the orcw CLI is not built (${CLI_ENTRY} is missing)` : `the orcw CLI bundle is older than ${problem.file}`;
  process.stderr.write(`error: ${what}\nhint: run "npm run build:cli" in ${root} (it takes a few seconds; npm install does it too)\n`);
  process.exit(1);
}
// V8 keeps the compiled bundle on disk (in the OS temp folder), so later starts skip compiling it.
(await import('node:module')).enableCompileCache?.();
const { runCli } = await import(new URL(`../${CLI_ENTRY}`, import.meta.url).href);
process.exitCode = await runCli(process.argv.slice(2));
