// Loaded with --import into a child process: registers a resolve hook that makes `keytar` fail to
// load, standing in for a native module built for the wrong ABI (which cannot be produced here).
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      "export async function resolve(specifier, context, next) { if (specifier === 'keytar') throw new Error('keytar.node: wrong ELF class (fake broken build)'); return next(specifier, context); }",
    ),
);
