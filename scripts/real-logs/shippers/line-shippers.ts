/**
 * Shippers that send one event per printed line: the ECS awslogs log driver (the line as it is),
 * Docker's json-file records collected by the CloudWatch agent, Fluent Bit on EKS as Container
 * Insights configures it (CRI records, kubernetes metadata, Merge_Log into log_processed), and
 * ECS FireLens (Docker's fluentd log driver record plus ECS metadata). Simulations for the corpus
 * (shipper simulations), following each tool's documented record layout.
 */
import {
  dockerJsonRecord,
  fireLensRecord,
  fluentBitRecord,
  rfc3339Nano,
  type KubernetesMeta,
} from '../../../test/support/shippers/records';
import type { Captured } from '../capture';
import { event, timedLines, type ShipContext, type ShippedEvent, type Shipper, type StreamLine } from './types';

/** CloudWatch Logs refuses empty messages; a shipper drops blank lines it sends as they are. */
const nonEmpty = (line: StreamLine) => line.text !== '';

export const awslogs: Shipper = {
  name: 'ECS awslogs',
  ship(captured: Captured, context: ShipContext): ShippedEvent[] {
    const stream = `ecs/${context.service}/${context.hex('task', 32)}`;
    return timedLines(captured, context)
      .filter(nonEmpty)
      .map((line) => event(`/ecs/${context.service}`, stream, line.timestamp, line.text, [line]));
  },
};

export const dockerJsonFile: Shipper = {
  name: 'Docker json-file (CloudWatch agent)',
  ship(captured, context) {
    const container = context.hex('container', 64);
    return timedLines(captured, context).map((line, i) =>
      event(
        '/ec2/docker',
        `i-${context.hex('instance', 17)}/${container}-json.log`,
        line.timestamp,
        dockerJsonRecord({ text: line.text, stream: line.stream, time: rfc3339Nano(line.timestamp, i * 7919) }),
        [line],
      ),
    );
  },
};

function kubernetesMeta(context: ShipContext): { pod: string; meta: KubernetesMeta } {
  const pod = `${context.service}-${context.hex('rs', 10)}-${context.hex('pod', 5)}`;
  return {
    pod,
    meta: {
      pod_name: pod,
      namespace_name: 'shop',
      pod_id: `${context.hex('uid1', 8)}-${context.hex('uid2', 4)}-${context.hex('uid3', 4)}-${context.hex('uid4', 4)}-${context.hex('uid5', 12)}`,
      host: 'ip-10-0-12-34.eu-west-1.compute.internal',
      container_name: context.service,
      docker_id: context.hex('container', 64),
      container_hash: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${context.service}@sha256:${context.hex('digest', 64)}`,
      container_image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${context.service}:1.4.2`,
    },
  };
}

function fluentBit(name: string, mergeLog: boolean): Shipper {
  return {
    name,
    ship(captured, context) {
      const { pod, meta } = kubernetesMeta(context);
      const stream = `ip-10-0-12-34.eu-west-1.compute.internal-application.var.log.containers.${pod}_shop_${context.service}-${meta.docker_id}.log`;
      return timedLines(captured, context).map((line, i) =>
        event(
          '/aws/containerinsights/shop-eks/application',
          stream,
          line.timestamp,
          fluentBitRecord({ text: line.text, stream: line.stream, time: rfc3339Nano(line.timestamp, i * 104_729) }, meta, mergeLog),
          [line],
        ),
      );
    },
  };
}

export const fluentBitMerge = fluentBit('Fluent Bit (EKS, Merge_Log)', true);
export const fluentBitPlain = fluentBit('Fluent Bit (EKS)', false);

export const fireLens: Shipper = {
  name: 'ECS FireLens',
  ship(captured, context) {
    const task = context.hex('task', 32);
    const meta = {
      ecs_cluster: 'shop-prod',
      ecs_task_arn: `arn:aws:ecs:eu-west-1:123456789012:task/shop-prod/${task}`,
      ecs_task_definition: `${context.service}:17`,
    };
    return timedLines(captured, context).map((line) =>
      event(
        `/ecs/firelens/${context.service}`,
        `${context.service}-firelens-${task}`,
        line.timestamp,
        fireLensRecord(line, `${task}-${context.hex('cid', 10)}`, context.service, meta),
        [line],
      ),
    );
  },
};
