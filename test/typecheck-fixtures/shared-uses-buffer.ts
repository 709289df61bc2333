// layer: shared
// expect: TS2591
// shared/ has no Node types either: a Buffer would break the renderer.
export const bytes = Buffer.byteLength('x');
