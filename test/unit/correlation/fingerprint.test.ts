import { describe, expect, it } from 'vitest';
import { fingerprintError, identityFrames } from '../../../main/services/correlation/processing/fingerprint';

describe('identityFrames', () => {
  it('prefers application frames over runtime, framework and library frames', () => {
    const axios = [
      'settle (/app/node_modules/axios/dist/node/axios.cjs)',
      'IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs)',
      'IncomingMessage.emit (node:events)',
      'endReadableNT (node:internal/streams/readable)',
      'process.processTicksAndRejections (node:internal/process/task_queues)',
      'PricingClient.quote (/app/dist/clients/pricing.js)',
    ];
    expect(identityFrames(axios)).toEqual(['PricingClient.quote (/app/dist/clients/pricing.js)']);
    const java = [
      'java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java)',
      'org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java)',
      'com.acme.payments.gateway.AcquirerClient.send(AcquirerClient.java)',
      'com.acme.payments.service.CaptureService.capture(CaptureService.java)',
      'com.acme.payments.web.PaymentController.capture(PaymentController.java)',
      'com.acme.Main.main(Main.java)',
    ];
    expect(identityFrames(java)).toEqual(java.slice(2, 5));
    const python = [
      'handle (/var/task/handler.py)',
      'full_dispatch_request (/usr/local/lib/python3.11/site-packages/flask/app.py)',
      '_run (<frozen runpy>)',
    ];
    expect(identityFrames(python)).toEqual(['handle (/var/task/handler.py)']);
  });

  it('falls back to the innermost frames when all are library frames', () => {
    expect(identityFrames(['TCPConnectWrap.afterConnect [as oncomplete] (node:net)'])).toEqual([
      'TCPConnectWrap.afterConnect [as oncomplete] (node:net)',
    ]);
    expect(identityFrames([])).toEqual([]);
  });
});

describe('fingerprintError', () => {
  const frames = ['a (/app/a.js)', 'b (/app/b.js)', 'c (/app/c.js)', 'd (/app/d.js)'];

  it('ignores the message when at least two frames locate the error', () => {
    const one = fingerprintError({ type: 'TypeError', message: 'bucket acme-eu', typed: true, frames });
    const two = fingerprintError({ type: 'TypeError', message: 'bucket acme-us', typed: true, frames });
    expect(one.fingerprint).toBe(two.fingerprint);
    expect(one.title).toBe('TypeError: bucket acme-eu');
  });

  it('uses the masked message when fewer than two frames do', () => {
    const a = fingerprintError({ type: 'Error', message: 'connect ECONNREFUSED 10.0.0.1:5432', typed: true, frames: frames.slice(0, 1) });
    const b = fingerprintError({ type: 'Error', message: 'connect ECONNREFUSED 10.9.9.9:5433', typed: true, frames: frames.slice(0, 1) });
    const c = fingerprintError({ type: 'Error', message: 'connect ETIMEDOUT 10.0.0.1:5432', typed: true, frames: frames.slice(0, 1) });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });

  it('tells types and places apart, and only the top three frames count', () => {
    const base = fingerprintError({ type: 'TypeError', message: 'x', typed: true, frames }).fingerprint;
    expect(fingerprintError({ type: 'RangeError', message: 'x', typed: true, frames }).fingerprint).not.toBe(base);
    expect(
      fingerprintError({ type: 'TypeError', message: 'x', typed: true, frames: ['z (/app/z.js)', ...frames.slice(1)] }).fingerprint,
    ).not.toBe(base);
    expect(
      fingerprintError({ type: 'TypeError', message: 'x', typed: true, frames: [...frames.slice(0, 3), 'other (/app/o.js)'] }).fingerprint,
    ).toBe(base);
  });

  it('untyped lines: title without timestamp and level, one identity whatever the level word', () => {
    const error = fingerprintError({
      type: 'error',
      message: '2024-01-24 04:27:39,324 ERROR charge failed for order 7',
      typed: false,
      frames: [],
    });
    const fatal = fingerprintError({
      type: 'fatal',
      message: '2024-01-25 11:00:00,001 FATAL charge failed for order 9',
      typed: false,
      frames: [],
    });
    expect(error.title).toBe('charge failed for order <n>');
    expect(error.fingerprint).toBe(fatal.fingerprint);
  });
});
