// lint-as: shared/ipc/bad.ts
// expect: no-restricted-globals
export const title = () => document.title;
