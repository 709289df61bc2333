import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator, type GenerateOptions, type PutEvent, type QueryLatency } from '../../support/cloudwatch-emulator/index';

/** The message protocol of emulator-thread.ts: one request at a time, answered in order. */
export type EmulatorRequest =
  | { kind: 'queries' }
  | { kind: 'latency'; latency: QueryLatency }
  | { kind: 'put'; logGroup: string; logStream: string; events: PutEvent[] }
  | { kind: 'stop' };

const emulator = await startEmulator();
const manifest = emulator.generate(workerData as GenerateOptions);
parentPort!.postMessage({ url: emulator.url, manifest });
parentPort!.on('message', async (request: EmulatorRequest) => {
  if (request.kind === 'queries') parentPort!.postMessage(emulator.metrics.queries);
  else if (request.kind === 'latency') {
    emulator.queryLatency = request.latency;
    parentPort!.postMessage(null);
  } else if (request.kind === 'put') {
    emulator.putEvents(request.logGroup, request.logStream, request.events);
    parentPort!.postMessage(null);
  } else {
    await emulator.stop();
    parentPort!.postMessage(null);
    parentPort!.close();
  }
});
