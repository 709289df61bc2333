import { createHash } from 'node:crypto';
import { dockerJsonRecord, fireLensRecord, fluentBitRecord, rfc3339Nano } from '../../../shippers/records';
import type { Rng } from '../../rng';

/**
 * The shippers' envelopes around a generated line, in the layouts of test/support/shippers/
 * records.ts. What an envelope says about its container (pod, task, ids) is derived from the log
 * stream's name, so the same stream always carries the same metadata and no randomness is drawn.
 */

type Output = 'stdout' | 'stderr';

function hexOf(label: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += createHash('sha256').update(`${label}/${i}`).digest('hex');
  return out.slice(0, length);
}

function uuidOf(label: string): string {
  const h = hexOf(label, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Container Insights' stream names: `<host>-application.var.log.containers.<pod>_<namespace>_<container>-<docker id>.log`. */
export function kubernetesStreams(rng: Rng, app: string, namespace: string, n: number): string[] {
  return Array.from({ length: n }, () => {
    const pod = `${app}-${rng.hex(10)}-${rng.hex(5)}`;
    const host = `ip-10-0-${rng.int(1, 9)}-${rng.int(2, 250)}.eu-west-1.compute.internal`;
    return `${host}-application.var.log.containers.${pod}_${namespace}_${app}-${rng.hex(64)}.log`;
  });
}

/** Fluent Bit's record (CRI parser, kubernetes filter; with `Merge_Log` a JSON line is also parsed into `log_processed`). */
export function fluentBitEnvelope(output: Output, mergeLog: boolean): (line: string, stream: string, ts: number) => string {
  return (line, stream, ts) => {
    const [, host, pod, namespace, container, dockerId] =
      /^(.*)-application\.var\.log\.containers\.(.+?)_(.+?)_(.+)-([0-9a-f]{64})\.log$/.exec(stream) ?? [];
    const kubernetes = {
      pod_name: pod ?? stream,
      namespace_name: namespace ?? 'default',
      pod_id: uuidOf(`${stream}/pod`),
      host: host ?? 'ip-10-0-1-1.eu-west-1.compute.internal',
      container_name: container ?? 'app',
      docker_id: dockerId ?? hexOf(stream, 64),
      container_hash: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${container ?? 'app'}@sha256:${hexOf(`${stream}/image`, 64)}`,
      container_image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${container ?? 'app'}:1.4.2`,
    };
    return fluentBitRecord(
      { text: line, stream: output, time: rfc3339Nano(ts, Number.parseInt(hexOf(`${stream}/${ts}`, 5), 16)) },
      kubernetes,
      mergeLog,
    );
  };
}

/** FireLens streams (`<container>-firelens-<task id>`) and its record: the fluentd driver's fields plus ECS metadata. */
export function fireLensStreams(rng: Rng, container: string, n: number): string[] {
  return Array.from({ length: n }, () => `${container}-firelens-${rng.hex(32)}`);
}

export function fireLensEnvelope(output: Output, cluster: string): (line: string, stream: string, ts: number) => string {
  return (line, stream) => {
    const [, container, task] = /^(.+)-firelens-([0-9a-f]{32})$/.exec(stream) ?? [undefined, 'app', hexOf(stream, 32)];
    return fireLensRecord({ text: line, stream: output }, hexOf(`${stream}/container`, 64), `/ecs-${container}-task-${task!.slice(0, 6)}`, {
      ecs_cluster: cluster,
      ecs_task_arn: `arn:aws:ecs:eu-west-1:123456789012:task/${cluster}/${task}`,
      ecs_task_definition: `${container}:${(task!.charCodeAt(0) % 30) + 1}`,
    });
  };
}

/** The CloudWatch agent reading Docker's json-file logs: one stream per instance, Docker's record per line. */
export function instanceStreams(rng: Rng, n: number): string[] {
  return Array.from({ length: n }, () => `i-0${rng.hex(16)}`);
}

export function dockerJsonEnvelope(output: Output): (line: string, stream: string, ts: number) => string {
  return (line, stream, ts) =>
    dockerJsonRecord({ text: line, stream: output, time: rfc3339Nano(ts, Number.parseInt(hexOf(`${stream}/${ts}`, 5), 16)) });
}

/** Lambda's log streams: `YYYY/MM/DD/[$LATEST]<32 hex>`. */
export function lambdaStreams(rng: Rng, startMs: number, n: number): string[] {
  const day = new Date(startMs).toISOString().slice(0, 10).replace(/-/g, '/');
  return Array.from({ length: n }, () => `${day}/[$LATEST]${rng.hex(32)}`);
}
