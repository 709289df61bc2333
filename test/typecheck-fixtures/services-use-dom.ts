// layer: services
// expect: TS2304
// The services run under the CLI and tests too: there is no window there.
export const width = window.innerWidth;
