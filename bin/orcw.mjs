#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=131072 node --max-semi-space-size=8 --heap-growing-percent=50
// Peak memory of a big session (test/bench/big-sessions.bench.ts), set where `npx orcw` starts.
// A run streams: result pages, the run's events and the --json document each pass through one page
// at a time, so what the process holds after a full GC stays about 20-35 MB (measured with
// --trace-gc for 150,000 lines) and does not grow with the session. Its peak is not that but
// V8's headroom over it: each page is garbage once stored, yet it outlives a
// scavenge or two and lands in the old generation, which V8 lets grow to up to 4x the live set
// before the next full GC (for a process allocating as fast as this one) — 120-190 MB of heap at
// the peak, most of it while the document is printed, about 100 MB of RSS over what is live.
// --heap-growing-percent=50: the old generation may grow to 1.5x what was live after the last
//   full GC, so the headroom follows the live set, which the streaming design keeps small; the
//   extra full GCs of a ~30 MB heap cost no measurable CPU time (6 s for 150,000 lines either way).
//   It holds for the 1,000,000-line session too (stopped at the 500,000-event run budget): 280 MB
//   at the peak, against 336 MB before.
// --max-semi-space-size=8: V8 grows its young generation to 64 MB a half when much survives a
//   scavenge, as each page does while it is processed; for pages streamed through, a larger young
//   generation only adds peak RSS, at no measurable cost in time.
// MALLOC_MMAP_THRESHOLD_ (glibc; ignored elsewhere): each result page arrives as a body of several
//   MB; once such a block is freed, glibc raises its mmap threshold, later bodies come from the
//   heap and fragment it. A fixed threshold keeps them mapped and handed back when freed.
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
  const what =
    problem.reason === 'missing'
      ? `the orcw CLI is not built (${CLI_ENTRY} is missing)`
      : `the orcw CLI bundle is older than ${problem.file}`;
  process.stderr.write(`error: ${what}\nhint: run "npm run build:cli" in ${root} (it takes a few seconds; npm install does it too)\n`);
  process.exit(1);
}
// V8 keeps the compiled bundle on disk (in the OS temp folder), so later starts skip compiling it.
(await import('node:module')).enableCompileCache?.();
const { runCli } = await import(new URL(`../${CLI_ENTRY}`, import.meta.url).href);
process.exitCode = await runCli(process.argv.slice(2));
