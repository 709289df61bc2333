// layer: shared
// expect: TS2584
// shared/ runs in main, the CLI and the renderer: the DOM is not there in two of them.
export const title = document.title;
