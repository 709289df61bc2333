#!/usr/bin/env node
// Entry of the `orcw` CLI: runs the TypeScript sources through tsx, so `npx orcw` works right
// after `npm install` with no build step.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `error: orcw needs Node.js 24 or newer, but this is Node.js ${process.version}.\n` +
      'hint: run it as "npx orcw …" from the project folder, which puts the project\'s own Node 24 first.\n',
  );
  process.exit(1);
}

const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
