"""python-json-logger (Debian's python3-pythonjsonlogger): one JSON object per record, the
traceback under exc_info, the session under the team's own field or a logged header."""
import logging
import sys

from pythonjsonlogger import jsonlogger

import corpus_truth
import shop

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(jsonlogger.JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
log = logging.getLogger("billing")
log.addHandler(handler)
log.setLevel(logging.INFO)

for request in corpus_truth.requests():
    if request["style"] == "team-field":
        extra = {"sessionId": request["sessionId"]}
    else:
        extra = {"headers": {"x-openreplay-sessiontoken": request["token"], "user-agent": "Mozilla/5.0"}}
    corpus_truth.call("info")
    log.info("invoice requested", extra=extra)
    if request["scenario"] == "ok":
        continue
    try:
        shop.run(request["scenario"])
    except Exception as error:
        corpus_truth.call("error", error=error)
        log.exception("invoice failed", extra=extra)
corpus_truth.flush_all()
