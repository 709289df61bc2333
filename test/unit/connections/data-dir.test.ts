import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../main/services/config/data-dir';

describe('resolveDataDir', () => {
  const home = '/home/ada';

  it('lets ORCW_DATA_DIR win over everything', () => {
    expect(resolveDataDir({ env: { ORCW_DATA_DIR: '/tmp/x' }, electronUserData: '/e', platform: 'linux', home })).toBe('/tmp/x');
  });

  it('uses the path Electron passes when there is no override', () => {
    expect(resolveDataDir({ env: {}, electronUserData: '/e/orcw', platform: 'linux', home })).toBe('/e/orcw');
  });

  it('computes the same folder Electron would use for productName "orcw" on each OS', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home })).toBe(join(home, '.config', 'orcw'));
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home })).toBe(join('/xdg', 'orcw'));
    expect(resolveDataDir({ env: {}, platform: 'darwin', home })).toBe(join(home, 'Library', 'Application Support', 'orcw'));
    expect(resolveDataDir({ env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', home })).toBe(
      join('C:\\Users\\ada\\AppData\\Roaming', 'orcw'),
    );
  });

  it('ignores a blank override', () => {
    expect(resolveDataDir({ env: { ORCW_DATA_DIR: '  ' }, platform: 'linux', home })).toBe(join(home, '.config', 'orcw'));
  });
});
