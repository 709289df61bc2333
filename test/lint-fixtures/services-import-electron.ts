// lint-as: main/services/correlation/bad.ts
// expect: no-restricted-imports
import { app } from 'electron';

export const version = app.getVersion();
