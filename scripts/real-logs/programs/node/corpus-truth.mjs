/**
 * What every Node corpus program shares: its requests, the markers between log calls, and the
 * ground truth, taken from the exception objects themselves. Frames come from V8's structured
 * call sites (recorded as each stack is formatted), never from parsing the stack text; the text
 * stays exactly what V8 prints: "<name>: <message>" and "    at <call site>" per frame.
 */
import fs from 'node:fs';

const callSites = new WeakMap();
Error.prepareStackTrace = (error, sites) => {
  callSites.set(error, sites);
  const head = error instanceof Error ? Error.prototype.toString.call(error) : String(error);
  return sites.length === 0 ? head : `${head}\n${sites.map((site) => `    at ${site}`).join('\n')}`;
};

const truthFd = fs.openSync(process.env.CORPUS_TRUTH, 'a');
const write = (record) => fs.writeSync(truthFd, `${JSON.stringify(record)}\n`);
let current = { n: 0, k: 0 };
/** Extra places a marker must go (a Lambda runtime simulation's telemetry frames). */
const markerSinks = [];
const onMarker = (sink) => markerSinks.push(sink);

function* requests() {
  const plan = JSON.parse(fs.readFileSync(process.env.CORPUS_PLAN, 'utf8'));
  for (const request of plan.requests) {
    current = { n: request.n, k: 0 };
    write({ kind: 'request', n: request.n, sessionId: request.sessionId, style: request.style, scenario: request.scenario });
    yield request;
  }
}

function framesOf(error) {
  void error.stack; // formats the stack (once), which records the call sites
  return (callSites.get(error) ?? [])
    .filter((site) => site.getFileName() != null)
    .map((site) => ({
      file: site.getFileName().replace(/^file:\/\//, ''),
      line: site.getLineNumber(),
      function: site.getFunctionName() ?? '<anonymous>',
    }));
}

/** type, message, frames, then `cause` and AggregateError members, depth first. */
function describe(error, seen = new Set()) {
  seen.add(error);
  const described = {
    type: error.name ?? error.constructor?.name ?? 'Error',
    message: String(error.message ?? error),
    frames: error instanceof Error ? framesOf(error) : [],
    causes: [],
  };
  const linked = [];
  if (error.cause !== undefined) linked.push(['cause', error.cause]);
  for (const member of error instanceof AggregateError ? error.errors : []) linked.push(['member', member]);
  for (const [relation, other] of linked) {
    if (typeof other !== 'object' || other === null || seen.has(other)) continue;
    const inner = describe(other, seen);
    described.causes.push({ relation, type: inner.type, message: inner.message, frames: inner.frames }, ...inner.causes);
  }
  return described;
}

/** Marks the start of one log call and records what it is. */
function call(level, { tagged = true, error, causesPrinted = true } = {}) {
  current.k += 1;
  const marker = `##corpus:${current.n}.${current.k}##\n`;
  fs.writeSync(1, marker);
  fs.writeSync(2, marker);
  for (const sink of markerSinks) sink(marker);
  write({
    kind: 'call',
    n: current.n,
    k: current.k,
    level,
    tagged,
    ...(error === undefined ? {} : { error: { ...describe(error), causesPrinted } }),
  });
}

/** A fact a runtime simulation knows and a shipper needs (a Lambda request ID). */
const note = (record) => write(record);

export { requests, call, describe, onMarker, note };
