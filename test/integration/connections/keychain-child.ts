// Runs in a child process whose D-Bus address points nowhere, to see how the service behaves
// without a keychain. Prints one JSON line of outcomes.
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { defaultSecretStore } from '../../../main/services/keychain/secret-store';

const dataDir = process.env.ORCW_DATA_DIR ?? '';
const service = new ConnectionService({ store: new ConnectionStore(dataDir), secrets: defaultSecretStore() });
const outcome = async (task: () => Promise<unknown>) =>
  task().then(
    (value) => ({ ok: true, value }),
    (error: { code?: string; message?: string; hint?: string }) => ({
      ok: false,
      code: error.code,
      message: error.message,
      hint: error.hint,
    }),
  );

const secret = process.env.CHILD_SECRET ?? '';
const results = {
  keys: await outcome(() =>
    service.create({
      name: 'keys',
      region: 'us-east-1',
      logGroups: [],
      auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: secret },
    }),
  ),
  profile: await outcome(() =>
    service.create({ name: 'profile', region: 'us-east-1', logGroups: [], auth: { kind: 'profile', profile: 'dev' } }),
  ),
  list: await outcome(() => service.list()),
  deleteKeys: process.env.CHILD_DELETE_ID ? await outcome(() => service.delete({ id: process.env.CHILD_DELETE_ID ?? '' })) : null,
};
process.stdout.write(`${JSON.stringify(results)}\n`);
