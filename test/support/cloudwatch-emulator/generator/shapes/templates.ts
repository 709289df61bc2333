import { goPanic } from '../errors/go';
import { javaError } from '../errors/java';
import { nodeError } from '../errors/node';
import { traceback, type PyFrame } from '../errors/python';
import type { ErrorInstance, ErrorTemplate } from '../errors/types';

/**
 * The bugs of the services behind shippers and on Lambda: each its own place in its own code, so
 * each is one group wherever it occurs and no two share a fingerprint.
 */

const template = (key: string, build: ErrorTemplate['build']): ErrorTemplate => ({ key, build });

/** A Node.js error with a `cause`, as util.inspect prints it: own properties and `[cause]` in a block after the last frame. */
function nodeErrorWithCause(outer: ErrorInstance, cause: { type: string; message: string; frames: string[]; code: string }): ErrorInstance {
  const last = outer.chunks.length - 1;
  const chunks = [...outer.chunks.slice(0, last), `${outer.chunks[last]} {`, `  [cause]: ${cause.type}: ${cause.message}`];
  cause.frames.forEach((f, i) => chunks.push(`      at ${f}${i === cause.frames.length - 1 ? ' {' : ''}`));
  chunks.push(`    code: '${cause.code}'`, '  }', '}');
  return { ...outer, chunks };
}

export const nodePinoErrors: ErrorTemplate[] = [
  template('node:RangeError:cart-quantity', (rng) =>
    nodeError(
      'RangeError',
      `quantity ${rng.int(100, 999)} exceeds stock`,
      [
        'assertStock (/app/src/cart/stock.js:31:11)',
        'CartService.add (/app/src/cart/service.js:58:5)',
        'async /app/node_modules/fastify/lib/wrapHooks.js:12:7',
      ],
      'node:RangeError:cart-quantity',
    ),
  ),
  template('node:SyntaxError:coupon-json', () =>
    nodeError(
      'SyntaxError',
      'Unexpected token } in JSON at position 27',
      [
        'JSON.parse (<anonymous>)',
        'parseCoupon (/app/src/coupons/parse.js:9:15)',
        'CouponController.apply (/app/src/coupons/controller.js:22:19)',
      ],
      'node:SyntaxError:coupon-json',
    ),
  ),
];

export const nodeWinstonErrors: ErrorTemplate[] = [
  template('node:TimeoutError:search-index', (rng) =>
    nodeError(
      'TimeoutError',
      `search index did not answer within ${rng.pick([2000, 5000])}ms`,
      ['SearchClient.query (/srv/search/lib/client.js:77:13)', 'async SearchRoute.handle (/srv/search/lib/route.js:40:20)'],
      'node:TimeoutError:search-index',
    ),
  ),
];

export const nodeBunyanErrors: ErrorTemplate[] = [
  template('node:Error:order-ledger', (rng) =>
    nodeError(
      'Error',
      `ledger write failed for order ${rng.int(10000, 99999)}`,
      [
        'Ledger.append (/opt/orders/src/ledger.js:64:9)',
        'OrderService.place (/opt/orders/src/orders.js:118:22)',
        'process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      ],
      'node:Error:order-ledger',
    ),
  ),
];

export const nodeLambdaTextErrors: ErrorTemplate[] = [
  template('node:TypeError:lambda-cart-items', () =>
    nodeError(
      'TypeError',
      "Cannot read properties of undefined (reading 'items')",
      ['readCart (/var/task/cart.mjs:14:22)', 'Runtime.handler (/var/task/index.mjs:31:18)'],
      'node:TypeError:lambda-cart-items',
    ),
  ),
  template('node:PaymentError:lambda-charge', (rng) =>
    nodeErrorWithCause(
      nodeError(
        'PaymentError',
        `charge o-${rng.int(100, 999)} failed`,
        ['charge (/var/task/payments.mjs:28:11)', 'Runtime.handler (/var/task/index.mjs:40:9)'],
        'node:PaymentError:lambda-charge',
      ),
      {
        type: 'Error',
        message: `connect ECONNREFUSED 10.0.${rng.int(0, 9)}.${rng.int(2, 250)}:443`,
        frames: ['TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)'],
        code: 'ECONNREFUSED',
      },
    ),
  ),
];

export const nodeLambdaJsonErrors: ErrorTemplate[] = [
  template('node:ValidationError:notify-address', (rng) =>
    nodeError(
      'ValidationError',
      `address ${rng.int(1000, 9999)} has no e-mail`,
      ['validate (/var/task/notify/validate.mjs:19:13)', 'Runtime.handler (/var/task/notify/index.mjs:27:5)'],
      'node:ValidationError:notify-address',
    ),
  ),
];

export const javaLogstashErrors: ErrorTemplate[] = [
  template('java:InvoiceException:tax-rate', (rng) =>
    javaError(
      'com.acme.billing.InvoiceException',
      `no tax rate for region ${rng.pick(['EU-7', 'US-44', 'APAC-2'])}`,
      [
        '\tat com.acme.billing.tax.TaxTable.rateFor(TaxTable.java:58)',
        '\tat com.acme.billing.InvoiceService.issue(InvoiceService.java:121)',
        '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)',
        'Caused by: java.util.NoSuchElementException: No value present',
        '\tat java.base/java.util.Optional.orElseThrow(Optional.java:377)',
        '\tat com.acme.billing.tax.TaxTable.rateFor(TaxTable.java:56)',
        '\t... 2 more',
      ],
      'java:InvoiceException:tax-rate',
    ),
  ),
  template('java:ArithmeticException:split-payment', () =>
    javaError(
      'java.lang.ArithmeticException',
      '/ by zero',
      [
        '\tat com.acme.billing.split.SplitPlan.share(SplitPlan.java:33)',
        '\tat com.acme.billing.InvoiceService.split(InvoiceService.java:164)',
        '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)',
      ],
      'java:ArithmeticException:split-payment',
    ),
  ),
];

const frame = (file: string, line: number, fn: string, code: string, carets?: string): PyFrame => ({
  file,
  line,
  fn,
  code,
  ...(carets === undefined ? {} : { carets }),
});

export const pythonJsonLoggerErrors: ErrorTemplate[] = [
  template('python:KeyError:inventory-sku', (rng) =>
    traceback(
      [frame('/srv/inventory/api.py', 44, 'reserve', 'item = STOCK[sku]', '       ~~~~~^^^^^')],
      'KeyError',
      `'sku-${rng.int(1000, 9999)}'`,
      'python:KeyError:inventory-sku',
    ),
  ),
];

export const pythonLambdaTextErrors: ErrorTemplate[] = [
  template('python:ValueError:invoice-total', (rng) =>
    traceback(
      [
        frame('/var/task/app.py', 21, 'lambda_handler', 'total = compute_total(event["lines"])'),
        frame('/var/task/invoices/totals.py', 12, 'compute_total', 'return sum(Decimal(x["amount"]) for x in lines)'),
      ],
      'ValueError',
      `could not convert '${rng.pick(['12,50', 'n/a', '1e'])}' to Decimal`,
      'python:ValueError:invoice-total',
    ),
  ),
];

export const pythonLambdaUnhandledErrors: ErrorTemplate[] = [
  template('python:ExportError:export-rows', (rng, decorate) =>
    traceback(
      [
        frame('/var/task/export.py', 17, 'handler', 'rows = fetch_rows(event["exportId"])'),
        frame('/var/task/export.py', 9, 'fetch_rows', 'raise ExportError(f"export {export_id} has no rows")'),
      ],
      'ExportError',
      decorate(`export ${rng.int(100, 999)} has no rows`),
      'python:ExportError:export-rows',
    ),
  ),
];

export const goEdgeErrors: ErrorTemplate[] = [
  template('go:panic:edge-route', (rng, decorate) =>
    goPanic(
      rng,
      decorate(`runtime error: slice bounds out of range [:${rng.int(5, 9)}] with capacity 4`),
      [
        ['github.com/acme/edge/internal/routes.(*Table).match', '/src/internal/routes/table.go:61'],
        ['github.com/acme/edge/internal/routes.(*Table).ServeHTTP', '/src/internal/routes/table.go:30'],
        ['net/http.serverHandler.ServeHTTP', '/usr/local/go/src/net/http/server.go:3142'],
      ],
      'go:panic:edge-route',
    ),
  ),
];
