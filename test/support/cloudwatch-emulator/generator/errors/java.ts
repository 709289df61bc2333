import type { ErrorInstance, ErrorTemplate } from './types';

/** Each element is one printed line: the headline, `\tat` frames, `Caused by:` and `\t... N more`. */
export function javaError(type: string, message: string, lines: string[], key: string): ErrorInstance {
  const frames = lines.filter((l) => l.startsWith('\tat ')).map((l) => l.trim());
  return { language: 'java', type, groupKey: key, message, chunks: [`${type}: ${message}`, ...lines], frames };
}

const SPRING_TAIL = [
  '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)',
  '\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)',
];

export const javaErrors: ErrorTemplate[] = [
  {
    key: 'java:IllegalStateException:capture-state',
    build: (rng, decorate) =>
      javaError(
        'java.lang.IllegalStateException',
        decorate(`Order ${rng.int(10000, 99999)} is in state ${rng.pick(['PENDING', 'CANCELLED', 'REFUNDED'])}, expected AUTHORIZED`),
        [
          '\tat com.acme.payments.service.CaptureService.capture(CaptureService.java:142)',
          '\tat com.acme.payments.web.PaymentController.capture(PaymentController.java:77)',
          '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
          ...SPRING_TAIL,
        ],
        'java:IllegalStateException:capture-state',
      ),
  },
  {
    key: 'java:DataIntegrityViolationException:idempotency',
    build: (rng, decorate) => {
      const key = rng.hex(32);
      return javaError(
        'org.springframework.dao.DataIntegrityViolationException',
        decorate(
          'could not execute statement [ERROR: duplicate key value violates unique constraint "uk_payment_idempotency_key"]; SQL [insert into payment (amount,idempotency_key,id) values (?,?,?)]; constraint [uk_payment_idempotency_key]',
        ),
        [
          '\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:290)',
          '\tat com.acme.payments.service.PaymentService.create(PaymentService.java:64)',
          '\tat com.acme.payments.web.PaymentController.create(PaymentController.java:52)',
          ...SPRING_TAIL,
          'Caused by: org.hibernate.exception.ConstraintViolationException: could not execute statement [ERROR: duplicate key value violates unique constraint "uk_payment_idempotency_key"]',
          '\tat org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:95)',
          '\t... 41 more',
          'Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "uk_payment_idempotency_key"',
          `  Detail: Key (idempotency_key)=(${key}) already exists.`,
          '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)',
          '\t... 58 more',
        ],
        'java:DataIntegrityViolationException:idempotency',
      );
    },
  },
  {
    key: 'java:NullPointerException:card-token',
    build: (_rng, decorate) =>
      javaError(
        'java.lang.NullPointerException',
        decorate('Cannot invoke "com.acme.payments.model.Card.getToken()" because "card" is null'),
        [
          '\tat com.acme.payments.service.TokenizationService.tokenFor(TokenizationService.java:38)',
          '\tat com.acme.payments.service.PaymentService.authorize(PaymentService.java:97)',
          '\tat com.acme.payments.web.PaymentController.authorize(PaymentController.java:64)',
          ...SPRING_TAIL,
        ],
        'java:NullPointerException:card-token',
      ),
  },
  {
    key: 'java:GatewayTimeoutException:acquirer',
    build: (rng, decorate) =>
      javaError(
        'com.acme.payments.gateway.GatewayTimeoutException',
        decorate(`Timed out after ${rng.pick([10000, 15000, 30000])} ms waiting for acquirer txn ${rng.hex(8)}`),
        [
          '\tat com.acme.payments.gateway.AcquirerClient.send(AcquirerClient.java:121)',
          '\tat com.acme.payments.service.CaptureService.capture(CaptureService.java:150)',
          ...SPRING_TAIL,
          'Caused by: java.net.SocketTimeoutException: Read timed out',
          '\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)',
          '\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)',
          '\t... 37 more',
        ],
        'java:GatewayTimeoutException:acquirer',
      ),
  },
];
