import { javaErrors } from '../errors/java';
import { ecsStreams, javaTime } from './text';
import type { Service } from './types';

const THREADS = ['nio-8080-exec-1', 'nio-8080-exec-4', 'nio-8080-exec-7', 'nio-8080-exec-9'];

function header(ts: number, level: string, thread: string, logger: string, msg: string): string {
  return `${javaTime(ts)} ${level.padStart(5)} 1 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${msg}`;
}

/** Spring Boot service; a servlet filter puts `openReplaySession.id=<id>` on request log lines (MDC). */
export const paymentsService: Service = {
  group: '/ecs/payments',
  language: 'java',
  style: 'session-id',
  shape: 'ECS awslogs × logback (Spring Boot) × Java',
  errorLevel: 'error',
  streamNames: (rng) => ecsStreams(rng, 'payments', 2),
  templates: javaErrors,
  tagged: (ts, rng, s) =>
    header(
      ts,
      'INFO',
      rng.pick(THREADS),
      'c.a.payments.web.PaymentController',
      `openReplaySession.id=${s.id} ${rng.pick(['authorize', 'capture', 'refund'])} ok amount=${rng.int(1, 500)}.${rng.int(10, 99)} currency=EUR`,
    ),
  noise: (ts, rng) => {
    const r = rng.next();
    if (r < 0.8)
      return header(
        ts,
        'INFO',
        rng.pick(THREADS),
        'c.a.payments.web.RequestLogFilter',
        `GET /payments/${rng.int(10000, 99999)} 200 (${rng.int(2, 90)} ms)`,
      );
    if (r < 0.95)
      return header(
        ts,
        'DEBUG',
        'HikariPool-1 housekeeper',
        'com.zaxxer.hikari.pool.HikariPool',
        `HikariPool-1 - Pool stats (total=10, active=${rng.int(0, 10)}, idle=${rng.int(0, 10)}, waiting=0)`,
      );
    // An uncaught error on a scheduler thread: no request, so no session tag.
    return `Exception in thread "scheduling-1" java.lang.IllegalStateException: settlement batch ${rng.int(100, 999)} already closed`;
  },
  contextBefore: (ts, rng) =>
    header(
      ts,
      'DEBUG',
      rng.pick(THREADS),
      'org.hibernate.SQL',
      'select p1_0.id,p1_0.amount,p1_0.state from payment p1_0 where p1_0.order_id=?',
    ),
  contextAfter: (ts, rng) =>
    header(
      ts,
      'WARN',
      rng.pick(THREADS),
      'o.s.w.s.m.s.DefaultHandlerExceptionResolver',
      'Resolved [org.springframework.web.server.ResponseStatusException: 500 INTERNAL_SERVER_ERROR]',
    ),
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    const head = header(
      ts,
      'ERROR',
      rng.pick(THREADS),
      'c.a.payments.web.PaymentController',
      `openReplaySession.id=${s.id} request failed`,
    );
    // The awslogs driver has no multiline pattern here: every trace line is its own event.
    return { lines: [head, ...error.chunks], error };
  },
};
