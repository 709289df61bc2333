// lint-as: renderer/src/bad.tsx
// expect: no-restricted-imports
import { composeApp } from '../../main/services/app/compose';
export const compose = composeApp;
