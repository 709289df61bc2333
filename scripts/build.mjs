// Builds the three bundles Electron loads — main (CJS), the sandboxed preload (one CJS file,
// because a sandboxed preload cannot require siblings) and the renderer (Vite) — plus the e2e
// harness's copy of the bridge factory and the `orcw` CLI (scripts/build-cli.mjs).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { buildCli } from './build-cli.mjs';

const common = { bundle: true, platform: 'node', target: 'node24', sourcemap: true, logLevel: 'warning' };

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  esbuild({
    ...common,
    entryPoints: ['main/index.ts'],
    outfile: 'dist/main/index.cjs',
    format: 'cjs',
    // Native and Electron modules are resolved at run time, not bundled.
    external: ['electron', 'keytar'],
  }),
  esbuild({
    ...common,
    entryPoints: ['main/shell/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  esbuild({
    ...common,
    platform: 'browser',
    target: 'chrome140',
    entryPoints: ['test/e2e/harness/page-bridge.ts'],
    outfile: 'dist/e2e/page-bridge.js',
    format: 'iife',
  }),
  buildCli(),
]);
await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
console.log('built dist/main, dist/preload, dist/renderer, dist/e2e, dist/cli');
