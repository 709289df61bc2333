// lint-as: shared/domain/bad.ts
// expect: no-restricted-imports
import { readFileSync } from 'node:fs';
export const read = () => readFileSync('/etc/hosts', 'utf8');
