// lint-as: renderer/src/bad-fs.tsx
// expect: no-restricted-imports
import { readFile } from 'node:fs/promises';
export const read = readFile;
