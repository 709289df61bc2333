"""Python's own logging with the session ID in the format (openReplaySession.id=…) or a logged
request header, tracebacks from logger.exception (chains, carets, exception groups)."""
import logging
import sys

import corpus_truth
import shop


class SessionFilter(logging.Filter):
    session_id = "-"

    def filter(self, record):
        record.or_session = SessionFilter.session_id
        return True


handler = logging.StreamHandler(sys.stderr)
handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(name)s] [openReplaySession.id=%(or_session)s] %(message)s"))
handler.addFilter(SessionFilter())
logging.basicConfig(level=logging.INFO, handlers=[handler])
log = logging.getLogger("orders.worker")

for request in corpus_truth.requests():
    SessionFilter.session_id = request["sessionId"]
    corpus_truth.call("info")
    if request["style"] == "header":
        log.info("POST /orders headers={'X-OpenReplay-Session-Id': '%s', 'Accept': 'application/json'}", request["sessionId"])
    else:
        log.info("POST /orders accepted")
    if request["scenario"] == "ok":
        continue
    try:
        shop.run(request["scenario"])
    except Exception as error:
        level = "warn" if request["scenario"] == "key-error" else "error"
        corpus_truth.call(level, error=error)
        if level == "warn":
            log.warning("cart lookup failed", exc_info=True)
        else:
            log.exception("order %s failed", request["n"])
corpus_truth.flush_all()
