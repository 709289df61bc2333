import { writeFileSync } from 'node:fs';
import { USAGE, parseCli } from './cli-args';
import { startEmulator } from './index';

async function main(): Promise<void> {
  let config;
  try {
    config = parseCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator(config.options);
  for (const file of config.seeds) {
    const n = await emulator.loadNdjson(file);
    process.stdout.write(`loaded ${n} events from ${file}\n`);
  }
  if (config.generate !== undefined) {
    const manifest = emulator.generate(config.generate);
    process.stdout.write(
      `generated ${manifest.totalEvents} events: ${manifest.sessions.length} sessions in ${manifest.logGroups.length} log groups\n`,
    );
    if (config.manifest !== undefined) {
      writeFileSync(config.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
      process.stdout.write(`manifest written to ${config.manifest}\n`);
    }
  }
  process.stdout.write(`listening on ${emulator.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`cloudwatch-emulator: ${(e as Error).message}\n`);
  process.exit(1);
});
