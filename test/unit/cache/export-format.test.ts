import { describe, expect, it } from 'vitest';
import { decodeExport, encodeExport, exportFileName } from '../../../main/services/cache/export-format';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

const invalid = (content: string) => {
  try {
    decodeExport(content);
  } catch (error) {
    return error as { code: string; message: string; hint: string };
  }
  throw new Error('expected the import to be refused');
};

describe('session export format', () => {
  const result = makeCorrelationResult({ seed: 9, events: 50 });

  it('round-trips a result through the versioned envelope', () => {
    const decoded = decodeExport(encodeExport(result, 111, 222));
    expect(decoded).toStrictEqual({ format: 'orcw-session', version: 2, exportedAt: 222, cachedAt: 111, result });
    expect(exportFileName(result.session.id, 'md')).toBe(`orcw-session-${result.session.id}.md`);
  });

  it('refuses text that is not JSON', () => {
    const error = invalid('# Backend logs for OpenReplay session 1');
    expect(error.code).toBe('CACHE_IMPORT_INVALID');
    expect(error.message).toMatch(/not JSON/);
    expect(error.hint).toMatch(/Markdown reports cannot be imported/);
  });

  it('names the first invalid field', () => {
    const envelope = JSON.parse(encodeExport(result, 1, 2)) as { result: { events: { level: string }[] } };
    (envelope.result.events[3] as { level: string }).level = 'loud';
    const error = invalid(JSON.stringify(envelope));
    expect(error.code).toBe('CACHE_IMPORT_INVALID');
    expect(error.message).toContain('result.events.3.level');
  });

  it('refuses other JSON and exports from a newer orcw', () => {
    expect(invalid('{"hello":"world"}').message).toContain('format');
    expect(invalid('[1,2]').code).toBe('CACHE_IMPORT_INVALID');
    const newer = invalid(JSON.stringify({ format: 'orcw-session', version: 3 }));
    expect(newer.message).toMatch(/newer orcw/);
  });
});
