// `npm run demo`: the CloudWatch emulator with generated sessions, a ready connection to it, and
// the app pointed at that data directory — so the whole flow can be tried without AWS. The setup
// is test/e2e/harness/demo-setup.ts, the same one the end-to-end specs use.
//
//   npm run demo                 build, set up, launch Electron (stops the emulator when it quits)
//   npm run demo -- --keep       where Electron cannot start: keep the emulator up for the CLI
//   npm run demo -- --sessions 30 --seed 3
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const keep = args.includes('--keep');

const { startDemo, removeConnections } = await import('../test/e2e/harness/demo-setup.ts');
const { findElectronBinary } = await import('../test/e2e/harness/electron-binary.ts');
const { parseSessionReference, buildReplayUrl } = await import('../shared/session/reference.ts');

console.log('[demo] building the app…');
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataDir = process.env.ORCW_DATA_DIR?.trim() || path.join(os.tmpdir(), 'orcw-demo');
mkdirSync(dataDir, { recursive: true });
let demo;
try {
  // A previous demo's connection points at an emulator port that is gone: replace it.
  await removeConnections(dataDir);
  demo = await startDemo(dataDir, { sessions: option('sessions', 12), seed: option('seed', 7) });
} catch (error) {
  console.error(`[demo] setup failed: ${error?.message ?? error}`);
  if (error?.hint) console.error(`[demo] ${error.hint}`);
  if (error?.code === 'KEYCHAIN_UNAVAILABLE') console.error('[demo] On a headless Linux box: sh scripts/with-keyring.sh npm run demo');
  process.exit(1);
}

const { manifest, emulator, connection } = demo;
console.log(
  `[demo] CloudWatch emulator at ${emulator.url}: ${manifest.totalEvents} events, ${manifest.sessions.length} sessions in ${manifest.logGroups.length} log groups`,
);
console.log(`[demo] connection "${connection.name}" ready in ${dataDir}`);
console.log('[demo] try pasting one of these into the app:');
for (const session of manifest.sessions.slice(0, 5)) {
  const parsed = parseSessionReference(session.sessionId);
  const replay = parsed.ok ? buildReplayUrl(parsed.value, connection.openReplay) : undefined;
  const errors = session.errors.length === 1 ? '1 error' : `${session.errors.length} errors`;
  console.log(`  ${session.token ?? session.sessionId}   (${session.taggedEvents} tagged lines, ${errors})`);
  if (replay) console.log(`    ${replay}`);
}
console.log(`  orcw://session/${manifest.sessions[0]?.sessionId}`);

const electron = findElectronBinary();
if (!('path' in electron)) {
  console.log(`\n[demo] Electron cannot start here: ${electron.reason}.`);
  console.log('[demo] The end-to-end specs run the same demo setup with the built renderer in Chromium:');
  console.log('[demo]   npm run build && sh scripts/with-keyring.sh npx playwright test test/e2e/ui-');
  console.log(`[demo] The CLI works against it too: ORCW_DATA_DIR=${dataDir} npx orcw --help`);
  if (!keep) {
    await demo.stop();
    console.log('[demo] emulator stopped (pass --keep to leave it running).');
    process.exit(0);
  }
  console.log('[demo] emulator kept running; Ctrl-C to stop.');
  process.on('SIGINT', () => void demo.stop().then(() => process.exit(0)));
  process.on('SIGTERM', () => void demo.stop().then(() => process.exit(0)));
} else {
  console.log(`[demo] launching ${electron.path}`);
  const app = spawn(electron.path, [root], { stdio: 'inherit', env: { ...process.env, ORCW_DATA_DIR: dataDir } });
  app.on('exit', (code) => {
    void demo.stop().then(() => process.exit(code ?? 0));
  });
}
