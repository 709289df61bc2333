// layer: renderer
// expect: TS2591
// The renderer is sandboxed: no Node.
export const home = process.env.HOME;
