import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { SESSION_FILE_EXTENSION } from '../../../shared/domain/session-file';

const require = createRequire(import.meta.url);
// The schema electron-builder itself validates configurations with, shipped in its npm package.
const schema = require('app-builder-lib/scheme.json') as object;

function validate(config: unknown) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema);
  const valid = check(config);
  return { valid, errors: check.errors ?? [] };
}

interface BuilderConfig {
  productName: string;
  protocols: { schemes: string[] }[];
  fileAssociations: { ext: string; name: string; mimeType?: string; role?: string }[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
}
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s JSON schema', () => {
    const { valid, errors } = validate(config);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would catch a typo: an unknown key fails the schema', () => {
    expect(validate({ ...config, protocolls: config.protocols }).valid).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } }).valid).toBe(false);
  });

  it('registers the orcw scheme and builds every target', () => {
    expect(config.protocols[0]?.schemes).toEqual(['orcw']);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
    expect(config.productName).toBe('orcw');
  });

  it('associates exported session files, with the extension the app saves and opens', () => {
    expect(config.fileAssociations.map((a) => a.ext)).toEqual([SESSION_FILE_EXTENSION]);
    expect(config.fileAssociations[0]).toMatchObject({ role: 'Viewer', mimeType: expect.stringMatching(/^application\//) });
    expect(validate({ ...config, fileAssociations: [{ ext: 'orcw', nam: 'typo' }] }).valid).toBe(false);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
