import { Rng } from '../rng';
import type { LogStore } from '../store/log-store';
import type { EmulatorManifest, GenerateOptions, ManifestSession, TagStyle } from '../types';
import { emitNoise } from './noise';
import { emitSession, planSession, planShapes } from './session';
import { apiService } from './services/api';
import { gatewayService } from './services/gateway';
import { paymentsService } from './services/payments';
import { reportWorkerService } from './services/report-worker';
import type { Service } from './services/types';
import { webBffService } from './services/web-bff';
import { billingLogstashService, inventoryJsonLoggerService, ordersBunyanService } from './shapes/containers';
import { cartPinoService, edgeGoService, searchWinstonService } from './shapes/kubernetes';
import { checkoutLambdaService, exportLambdaService, invoiceLambdaService, notifyLambdaService } from './shapes/lambda';
import { Timeline } from './timeline';

/** 2024-01-23T00:00:00Z: a fixed default so generated data (and tokens) never depend on today. */
export const DEFAULT_GENERATE_START = Date.UTC(2024, 0, 23);

export const SERVICES: Service[] = [apiService, webBffService, reportWorkerService, paymentsService, gatewayService];

/** Services whose lines come in shipper envelopes, Lambda's formats and structured loggers' JSON. */
export const SHAPE_SERVICES: Service[] = [
  cartPinoService,
  searchWinstonService,
  edgeGoService,
  ordersBunyanService,
  inventoryJsonLoggerService,
  billingLogstashService,
  checkoutLambdaService,
  notifyLambdaService,
  invoiceLambdaService,
  exportLambdaService,
];

/** Background lines per minute in a shape service's group, as a share of `rate` (they add groups, not load). */
const SHAPE_NOISE_SHARE = 0.25;

export interface ServiceStreams {
  service: Service;
  streams: string[];
}

/** Generates deterministic traffic into the store and returns its ground truth. */
export function generateTraffic(store: LogStore, accountId: string, options: GenerateOptions = {}): EmulatorManifest {
  const opts = {
    sessions: options.sessions ?? 20,
    days: options.days ?? 1,
    rate: options.rate ?? 5,
    seed: options.seed ?? 1,
    start: options.start ?? DEFAULT_GENERATE_START,
    ...(options.heavySession === undefined ? {} : { heavySession: options.heavySession }),
    ...(options.heavySpread === undefined ? {} : { heavySpread: options.heavySpread }),
  };
  if (opts.sessions < 0 || opts.days <= 0 || opts.rate < 0) throw new Error('generate: sessions >= 0, days > 0 and rate >= 0 are required');
  const from = opts.start;
  const to = from + Math.round(opts.days * 86_400_000);
  // Independent streams of randomness, so e.g. a different noise rate leaves sessions unchanged.
  const layoutRng = new Rng(opts.seed * 7 + 1);
  const sessionRng = new Rng(opts.seed * 7 + 2);
  const noiseRng = new Rng(opts.seed * 7 + 3);
  const layout: ServiceStreams[] = SERVICES.map((service) => ({ service, streams: service.streamNames(layoutRng, from) }));
  const shapeRng = new Rng(opts.seed * 7 + 4);
  const shapeLayout: ServiceStreams[] = SHAPE_SERVICES.map((service) => ({ service, streams: service.streamNames(shapeRng, from) }));
  const timeline = new Timeline();
  const plans = Array.from({ length: opts.sessions }, (_, i) => planSession(i, sessionRng, layout, from, to, false));
  if (opts.heavySession !== undefined)
    plans.push(planSession(opts.sessions, sessionRng, layout, from, to, true, opts.heavySession, opts.heavySpread));
  const sessions: ManifestSession[] = [];
  // Multi-line blocks first (they reserve their time ranges), then single lines, then noise.
  const emitted = plans.map((plan) => emitSession(plan, sessionRng, timeline, 'blocks'));
  plans.forEach((plan) => emitSession(plan, sessionRng, timeline, 'lines'));
  const shapePlans = plans.map((plan) => planShapes(plan, shapeRng, shapeLayout));
  shapePlans.forEach((list, i) => list.forEach((plan) => emitted[i]!.push(...emitSession(plan, shapeRng, timeline, 'blocks'))));
  shapePlans.forEach((list) => list.forEach((plan) => emitSession(plan, shapeRng, timeline, 'lines')));
  // Ingestion follows the event by 0.8–3 s, varying but reproducible.
  const lag = (n: number): number => 800 + ((n * 7919) % 2200);
  const noise = emitNoise(layout, noiseRng, timeline, store, from, to, opts.rate, lag);
  const shapeNoise = emitNoise(shapeLayout, new Rng(opts.seed * 7 + 5), timeline, store, from, to, opts.rate * SHAPE_NOISE_SHARE, lag);
  const totalEvents = noise + shapeNoise + timeline.flushRest(store, from, lag);
  plans.forEach((plan, i) => {
    const services = [...plan.services, ...shapePlans[i]!.flatMap((p) => p.services)];
    const styles = new Set(services.map((s) => s.service.style));
    sessions.push({
      sessionId: plan.id.toString(),
      ...(plan.token === undefined ? {} : { token: plan.token }),
      tokenFormat: plan.tokenFormat,
      tagStyles: (['prefix', 'json', 'session-id', 'id-json', 'token-named'] as TagStyle[]).filter((s) => styles.has(s)),
      start: plan.start,
      end: plan.end,
      taggedEvents: timeline.tagged.get(i) ?? 0,
      logGroups: [...new Set(services.map((s) => s.service.group))].sort(),
      ...(plan.heavy ? { heavy: true } : {}),
      errors: emitted[i]!,
    });
  });
  return {
    options: opts,
    accountId,
    logGroups: [...layout, ...shapeLayout].map((l) => l.service.group).sort(),
    timeRange: { from, to },
    totalEvents,
    sessions,
  };
}
