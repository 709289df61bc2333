import { AppError } from '../../../shared/errors';
import { scrubAndClip } from '../security/secret-scrubber';

/**
 * The app's only door to the OS keychain (macOS Keychain, Windows Credential Vault, Secret
 * Service on Linux). keytar is archived upstream, so it is imported here and nowhere else:
 * swapping it (e.g. for @napi-rs/keyring) means rewriting this one file.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when an entry existed and was removed. */
  delete(account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'orcw';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

let keytarModule: Promise<Keytar> | undefined;

/** Loaded on first use, so a missing or broken native build is a reported error, not a crash at startup. */
function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then(
    (module) => (module.default ?? module) as Keytar,
    (error: unknown) => {
      keytarModule = undefined;
      throw keychainUnavailable(error);
    },
  );
  return keytarModule;
}

export function keychainSecretStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  const call = async <T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> => {
    const keytar = await loadKeytar();
    try {
      return await operation(keytar);
    } catch (error) {
      throw keychainUnavailable(error);
    }
  };
  return {
    get: (account) => call((keytar) => keytar.getPassword(service, account)),
    set: (account, secret) => call((keytar) => keytar.setPassword(service, account, secret)),
    delete: (account) => call((keytar) => keytar.deletePassword(service, account)),
  };
}

let shared: SecretStore | undefined;

/** The process-wide store on service `orcw`, used by the app, the CLI and the correlation engine. */
export function defaultSecretStore(): SecretStore {
  shared ??= keychainSecretStore();
  return shared;
}

function keychainUnavailable(error: unknown): AppError {
  // keytar's errors come from D-Bus / Security.framework / CredMan; scrubbed all the same, before the cut.
  const detail = error instanceof Error ? scrubAndClip(error.message, 200) : 'unknown error';
  return new AppError('KEYCHAIN_UNAVAILABLE', `The OS keychain is not available (${detail}).`, keychainHint());
}

function keychainHint(): string {
  switch (process.platform) {
    case 'darwin':
      return 'Unlock your login keychain (Keychain Access → File → Unlock Keychain) and allow orcw to use it, then try again.';
    case 'win32':
      return 'Windows Credential Manager could not be used: run orcw in a normal signed-in user session, then try again.';
    default:
      return 'orcw keeps AWS keys only in the Secret Service: install and start gnome-keyring or KWallet (e.g. apt install gnome-keyring), make sure a D-Bus session is running, unlock the keyring, then try again. Or use an AWS profile instead of keys.';
  }
}
