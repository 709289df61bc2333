import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Globals that only exist in a browser: shared/ must not touch them (it also runs in main and the CLI). */
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'fetch'];

const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only the shell (main/index.ts, main/shell/) imports Electron; the services run without it.',
};
const servicesStayBelow = {
  group: ['**/shell/**', '**/shell', '**/cli/**', '**/cli', '**/main/index', '**/main/index.ts'],
  message: 'The services are used by the shell and the CLI, never the other way round.',
};

const rawIpcRule = {
  'no-restricted-syntax': [
    'error',
    { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Raw ipcMain is allowed only in main/shell/electron-ipc.ts.' },
    { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Raw ipcRenderer is allowed only in main/shell/preload.ts.' },
  ],
};

export default tseslint.config(
  { ignores: ['.tmp/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{ts,mjs}'], rules: rawIpcRule },
  { files: ['main/shell/electron-ipc.ts', 'main/shell/preload.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ runs everywhere: no Electron.' },
            { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node built-ins.' },
            {
              group: ['**/main/**', '**/renderer/**', 'keytar', '@aws-sdk/*', 'react', 'react-dom'],
              message: 'shared/ imports only shared/ and pure libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals, 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // The services run under Electron, the CLI and the tests alike: Electron stays in the shell
    // (main/index.ts and main/shell/), and the services know neither the shell nor the CLI.
    files: ['main/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, servicesStayBelow] }] },
  },
  {
    files: ['main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    // The pure stages: processing and reading log shapes do no I/O, so they take no AWS client.
    // The network stages (queries/, trace-tails/, context/) read CloudWatch and hand them rows.
    files: ['main/services/correlation/processing/**/*.ts', 'main/services/correlation/log-shapes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noElectron,
            servicesStayBelow,
            {
              group: ['@aws-sdk/*', '@smithy/*', '**/main/aws/**', '**/aws/*'],
              message: 'processing/ and log-shapes/ are pure: no AWS SDK and no main/aws; network stages live outside them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/main'], message: 'The renderer talks to main only through window.correlator.' },
            { group: ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto'], message: 'The renderer has no Node.' },
            { group: ['electron', '@aws-sdk/*', 'keytar'], message: 'The renderer has no Electron, AWS SDK or keychain.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
);
