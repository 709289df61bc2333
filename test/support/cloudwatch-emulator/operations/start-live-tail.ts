import { readLiveTailRequest } from '../live-tail/live-tail-request';
import type { StreamingHandler } from '../server/http-server';

/**
 * StartLiveTail: request errors (InvalidParameterException, ResourceNotFoundException,
 * LimitExceededException, AccessDeniedException) come back as ordinary JSON errors before any
 * stream; once accepted, the answer is an event stream (live-tail/live-tail-session.ts).
 */
export const startLiveTail: StreamingHandler = (input, ctx, res, requestId) => {
  const request = readLiveTailRequest(input, ctx);
  ctx.state.liveTails.start(request, res, requestId);
};
