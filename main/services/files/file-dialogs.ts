export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * The OS file dialogs, shown by main. Paths come only from here (or from the OS handing orcw a
 * file): a path the renderer sends is never written to or read from. Electron's dialog module
 * in the app (main/shell/electron-dialogs.ts); a test-controlled stand-in in the e2e harness.
 */
export interface FileDialogs {
  /** Where to save, or null when the user cancelled. */
  chooseSavePath(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** Which file to open, or null when the user cancelled. */
  chooseOpenPath(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
}
