import type { Rng } from '../../rng';
import type { ErrorInstance, ErrorTemplate } from './types';

export interface PyFrame {
  file: string;
  line: number;
  fn: string;
  code: string;
  carets?: string;
}

const FLASK: PyFrame[] = [
  {
    file: '/usr/local/lib/python3.11/site-packages/flask/app.py',
    line: 1484,
    fn: 'full_dispatch_request',
    code: 'rv = self.dispatch_request()',
  },
  {
    file: '/usr/local/lib/python3.11/site-packages/flask/app.py',
    line: 1469,
    fn: 'dispatch_request',
    code: 'return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)',
  },
];

export function frameChunk(f: PyFrame): string {
  return `  File "${f.file}", line ${f.line}, in ${f.fn}\n    ${f.code}\n${f.carets === undefined ? '' : `    ${f.carets}\n`}`;
}

/** Python's `str()` of a KeyError is the repr of its argument. */
function keyErrorText(arg: string): string {
  return arg.includes("'") ? `"${arg}"` : `'${arg}'`;
}

export function traceback(frames: PyFrame[], type: string, message: string, key: string, chained?: ErrorInstance): ErrorInstance {
  const own = ['Traceback (most recent call last):\n', ...frames.map(frameChunk), `${type}: ${message}\n`];
  const chunks =
    chained === undefined ? own : [...chained.chunks, '\nDuring handling of the above exception, another exception occurred:\n\n', ...own];
  const frameLines = frames.map((f) => `File "${f.file}", line ${f.line}, in ${f.fn}`);
  return { language: 'python', type, groupKey: key, message, chunks, frames: [...(chained?.frames ?? []), ...frameLines] };
}

function userId(rng: Rng): number {
  return rng.int(1000, 99999);
}

export const pythonErrors: ErrorTemplate[] = [
  {
    key: 'python:KeyError:profile-cache',
    build: (rng, decorate) => {
      const arg = `user:${userId(rng)}`;
      const frames: PyFrame[] = [
        ...FLASK,
        { file: '/app/api/views/users.py', line: 42, fn: 'get_user', code: 'profile = load_profile(user_id)' },
        {
          file: '/app/api/services/profile.py',
          line: 17,
          fn: 'load_profile',
          code: 'return PROFILE_CACHE[f"user:{user_id}"]',
          carets: '       ~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^',
        },
      ];
      return traceback(frames, 'KeyError', keyErrorText(decorate(arg)), 'python:KeyError:profile-cache');
    },
  },
  {
    key: 'python:ValueError:parse-quantity',
    build: (rng, decorate) => {
      const bad = rng.pick(['abc', '12x', 'NaN', '', '3.5kg', `${rng.int(1, 9)}o`]);
      const frames: PyFrame[] = [
        ...FLASK,
        { file: '/app/api/views/cart.py', line: 88, fn: 'update_item', code: 'qty = parse_quantity(request.json["qty"])' },
        { file: '/app/api/util/parsing.py', line: 9, fn: 'parse_quantity', code: 'return int(raw)', carets: '       ^^^^^^^^' },
      ];
      return traceback(
        frames,
        'ValueError',
        decorate(`invalid literal for int() with base 10: '${bad}'`),
        'python:ValueError:parse-quantity',
      );
    },
  },
  {
    key: 'python:AttributeError:notify-email',
    build: (_rng, decorate) => {
      const frames: PyFrame[] = [
        ...FLASK,
        { file: '/app/api/views/orders.py', line: 131, fn: 'create_order', code: 'notify_customer(order)' },
        {
          file: '/app/api/services/notify.py',
          line: 54,
          fn: 'notify_customer',
          code: 'send_mail(order.customer.email, render_receipt(order))',
          carets: '          ^^^^^^^^^^^^^^^^^^^^',
        },
      ];
      return traceback(
        frames,
        'AttributeError',
        decorate("'NoneType' object has no attribute 'email'"),
        'python:AttributeError:notify-email',
      );
    },
  },
  {
    key: 'python:NotFoundError:order-lookup',
    build: (rng, decorate) => {
      const orderId = rng.uuid();
      const inner = traceback(
        [
          {
            file: '/app/api/repositories/orders.py',
            line: 23,
            fn: 'get',
            code: 'return self._by_id[order_id]',
            carets: '       ~~~~~~~~~~^^^^^^^^^^',
          },
        ],
        'KeyError',
        // The hook rewrites only the exception being printed, not its context.
        keyErrorText(orderId),
        'inner',
      );
      const frames: PyFrame[] = [
        ...FLASK,
        { file: '/app/api/views/orders.py', line: 77, fn: 'get_order', code: 'order = orders.get(order_id)' },
        { file: '/app/api/repositories/orders.py', line: 25, fn: 'get', code: 'raise NotFoundError(f"order {order_id} not found")' },
      ];
      return traceback(
        frames,
        'api.errors.NotFoundError',
        decorate(`order ${orderId} not found`),
        'python:NotFoundError:order-lookup',
        inner,
      );
    },
  },
];

/** The lambda worker logs with python-json-logger: one JSON event carrying the formatted trace. */
export const pythonWorkerErrors: ErrorTemplate[] = [
  {
    key: 'python:ZeroDivisionError:report-average',
    build: (rng, decorate) => {
      const frames: PyFrame[] = [
        { file: '/var/task/handler.py', line: 31, fn: 'handle', code: 'report = build_report(event["reportId"])' },
        {
          file: '/var/task/reports/builder.py',
          line: 112,
          fn: 'build_report',
          code: 'avg = total / len(rows)',
          carets: '      ~~~~~~^~~~~~~~~~~',
        },
      ];
      void rng;
      return traceback(frames, 'ZeroDivisionError', decorate('division by zero'), 'python:ZeroDivisionError:report-average');
    },
  },
  {
    key: 'python:ClientError:report-upload',
    build: (rng, decorate) => {
      const bucket = `acme-reports-${rng.pick(['prod', 'eu', 'us'])}`;
      const frames: PyFrame[] = [
        { file: '/var/task/handler.py', line: 36, fn: 'handle', code: 'upload(report, key=f"reports/{report.id}.pdf")' },
        { file: '/var/task/reports/storage.py', line: 18, fn: 'upload', code: 's3.put_object(Bucket=BUCKET, Key=key, Body=report.pdf)' },
        {
          file: '/var/runtime/botocore/client.py',
          line: 983,
          fn: '_make_api_call',
          code: 'raise error_class(parsed_response, operation_name)',
        },
      ];
      const requestId = rng.hex(16).toUpperCase();
      return traceback(
        frames,
        'botocore.exceptions.ClientError',
        decorate(
          `An error occurred (AccessDenied) when calling the PutObject operation: Access Denied (bucket ${bucket}, request ${requestId})`,
        ),
        'python:ClientError:report-upload',
      );
    },
  },
];
