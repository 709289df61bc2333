// A second orcw process on the same data directory, for the race and crash tests. What it does
// comes from argv; it prints one line per step on stdout so the parent can follow (and kill it).
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { withConfigLock } from '../../../main/services/config/config-lock';
import { defaultSecretStore } from '../../../main/services/keychain/secret-store';
import { createSettingsStore } from '../../../main/services/settings/settings-store';
import type { Connection } from '../../../shared/domain/connection';
import type { SettingsPatch } from '../../../shared/domain/settings';

const [action = '', arg = ''] = process.argv.slice(2);
const dataDir = process.env.ORCW_DATA_DIR ?? '';
const hang = () => new Promise<never>(() => setInterval(() => undefined, 1000));

/** Stops for good right after the keychain write, as a crash (or a kill) there would. */
class StoreThatHangsOnWrite extends ConnectionStore {
  override async write(_connections: readonly Connection[]): Promise<void> {
    process.stdout.write('keychain written\n');
    return hang();
  }
}

/** Writes connections.json, then stops before the journal entry is cleared. */
class StoreThatHangsAfterWrite extends ConnectionStore {
  override async write(connections: readonly Connection[]): Promise<void> {
    await super.write(connections);
    process.stdout.write('file written\n');
    return hang();
  }
}

const keys = (name: string) => ({
  name,
  region: 'us-east-1',
  logGroups: [],
  auth: { kind: 'keys' as const, accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: process.env.CHILD_SECRET ?? '' },
});

switch (action) {
  case 'settings': {
    // arg: a JSON patch; a burst of updates, each keeping the others' fields.
    await createSettingsStore(dataDir).update(JSON.parse(arg) as SettingsPatch);
    process.stdout.write('done\n');
    break;
  }
  case 'create': {
    await new ConnectionService({ store: new ConnectionStore(dataDir), secrets: defaultSecretStore() }).create(keys(arg));
    process.stdout.write('done\n');
    break;
  }
  case 'crash-before-file':
    await new ConnectionService({ store: new StoreThatHangsOnWrite(dataDir), secrets: defaultSecretStore() }).create(keys(arg));
    break;
  case 'crash-after-file':
    await new ConnectionService({ store: new StoreThatHangsAfterWrite(dataDir), secrets: defaultSecretStore() }).create(keys(arg));
    break;
  case 'hold-lock':
    await withConfigLock(dataDir, async () => {
      process.stdout.write('holding\n');
      return hang();
    });
    break;
  default:
    throw new Error(`unknown action ${action}`);
}
