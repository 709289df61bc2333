import { describe, expect, it } from 'vitest';
import { initialValues, toDraft, toUpdate } from '../../../renderer/src/lib/connection-draft';

const valid = { ...initialValues(), name: 'production', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'emulator-secret' };

describe('connection form → draft', () => {
  it('builds a key-based draft that passes the shared schema', () => {
    const { draft, errors } = toDraft(valid, false);
    expect(errors).toEqual({});
    expect(draft).toMatchObject({
      name: 'production',
      region: 'us-east-1',
      auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001' },
      logGroups: [],
    });
    expect(draft).not.toHaveProperty('endpoint');
  });

  it('reports problems per field with the schema messages', () => {
    const { draft, errors } = toDraft({ ...valid, name: ' ', accessKeyId: 'akid lower', endpoint: 'not a url' }, false);
    expect(draft).toBeUndefined();
    expect(errors.name).toBe('Name is empty.');
    expect(errors.accessKeyId).toMatch(/capital letters and digits/);
    expect(errors.endpoint).toMatch(/https:\/\//);
  });

  it('keeps the stored secret when editing with empty key fields', () => {
    const editing = { ...valid, accessKeyId: '', secretAccessKey: '' };
    const { draft, keepAuth } = toDraft(editing, true);
    expect(keepAuth).toBe(true);
    const update = toUpdate('conn-1', draft!, keepAuth);
    expect(update).not.toHaveProperty('auth');
    expect(update).toMatchObject({ id: 'conn-1', name: 'production', endpoint: null, openReplay: null });
  });

  it('sends a rotated secret with the stored access key ID when the ID is left empty', () => {
    const { draft, keepAuth } = toDraft({ ...valid, accessKeyId: '', secretAccessKey: 'the-new-secret' }, true, 'AKIDSTORED000001');
    expect(keepAuth).toBe(false);
    expect(toUpdate('conn-1', draft!, keepAuth).auth).toEqual({
      kind: 'keys',
      accessKeyId: 'AKIDSTORED000001',
      secretAccessKey: 'the-new-secret',
    });
    // Creating a connection has no stored ID to fall back on.
    expect(toDraft({ ...valid, accessKeyId: '', secretAccessKey: 'x' }, false, 'AKIDSTORED000001').errors.accessKeyId).toBeDefined();
  });

  it('sends a profile and the OpenReplay settings when given', () => {
    const { draft } = toDraft(
      { ...valid, authKind: 'profile', profile: 'staging', openReplayBaseUrl: 'https://replay.acme.dev', openReplayProjectId: '7' },
      false,
    );
    expect(draft).toMatchObject({
      auth: { kind: 'profile', profile: 'staging' },
      openReplay: { baseUrl: 'https://replay.acme.dev', projectId: '7' },
    });
  });

  it('reads session ID field names separated by commas or spaces, and names a bad one', () => {
    const { draft } = toDraft({ ...valid, sessionIdFields: ' sessionId, or_session  ctx.sid ' }, false);
    expect(draft?.sessionIdFields).toEqual(['sessionId', 'or_session', 'ctx.sid']);
    expect(toUpdate('conn-1', draft!, false).sessionIdFields).toEqual(['sessionId', 'or_session', 'ctx.sid']);
    const none = toDraft(valid, false).draft!;
    expect(none).not.toHaveProperty('sessionIdFields');
    expect(toUpdate('conn-1', none, false).sessionIdFields).toBeNull();
    const bad = toDraft({ ...valid, sessionIdFields: 'sessionId, x"y' }, false);
    expect(bad.draft).toBeUndefined();
    expect(bad.errors.sessionIdFields).toMatch(/letters, digits/);
    expect(initialValues({ ...toView(), sessionIdFields: ['a', 'b'] }).sessionIdFields).toBe('a, b');
  });
});

function toView() {
  return {
    id: 'conn-1',
    name: 'p',
    region: 'us-east-1',
    logGroups: [],
    auth: { kind: 'profile' as const, profile: 'p' },
    hasSecret: false,
  };
}
