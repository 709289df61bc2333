// lint-as: main/services/cache/bad.ts
// expect: no-restricted-imports
import { table } from '../../cli/format';

export const print = table;
