"""structlog (Debian's python3-structlog) rendering JSON, the session bound as a key
(`openReplaySession.id`), a nested object or the token; exceptions as a string or as dicts."""
import logging
import sys

import structlog

import corpus_truth
import shop

logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
use_dicts = sys.argv[1:] == ["dict"]
structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.dict_tracebacks if use_dicts else structlog.processors.format_exc_info,
        structlog.processors.JSONRenderer(),
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
)
log = structlog.get_logger("inventory")

for request in corpus_truth.requests():
    structlog.contextvars.clear_contextvars()
    style = request["style"]
    if style == "flat-id":
        structlog.contextvars.bind_contextvars(**{"openReplaySession.id": request["sessionId"]})
    elif style == "nested-id":
        structlog.contextvars.bind_contextvars(openReplaySession={"id": int(request["sessionId"]), "projectId": 3})
    else:
        structlog.contextvars.bind_contextvars(openReplaySessionToken=request["token"])
    corpus_truth.call("info")
    log.info("stock request", path=f"/stock/{request['n']}")
    if request["scenario"] == "ok":
        continue
    try:
        shop.run(request["scenario"])
    except Exception as error:
        corpus_truth.call("error", error=error)
        log.exception("stock update failed")
corpus_truth.flush_all()
