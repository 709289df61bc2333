import { describe, expect, it } from 'vitest';
import { sessionFilesFromArgv } from '../../../main/services/files/launch-files';

describe('sessionFilesFromArgv', () => {
  it('takes the session files the OS passes on a double-click, never the executable, a flag or a link', () => {
    expect(sessionFilesFromArgv(['/opt/orcw/orcw', '/home/ana/Downloads/orcw-session-1.orcw'])).toEqual([
      '/home/ana/Downloads/orcw-session-1.orcw',
    ]);
    expect(
      sessionFilesFromArgv(['C:\\Program Files\\orcw\\orcw.exe', '--allow-file-access', 'C:\\Users\\ana\\s.ORCW', 'orcw://session/1.json']),
    ).toEqual(['C:\\Users\\ana\\s.ORCW']);
    expect(sessionFilesFromArgv(['electron', '.', 'export.json', 'notes.txt'])).toEqual(['export.json']);
    expect(sessionFilesFromArgv(['orcw', `${'a'.repeat(5000)}.orcw`])).toEqual([]);
    expect(sessionFilesFromArgv(['/tmp/only-the-executable.orcw'])).toEqual([]);
  });
});
