"""A simulation of what AWS Lambda's Python runtime (awslambdaric) does around a handler, for the
corpus only: it is no part of AWS. Facts it follows (awslambdaric's bootstrap.py and
lambda_runtime_log_utils.py):
- text format: the root logger's handler formats "[%(levelname)s]\\t%(asctime)s.%(msecs)03dZ\\t
  %(aws_request_id)s\\t%(message)s\\n" (UTC); JSON format: timestamp, level, message, logger,
  requestId, and for exceptions stackTrace (traceback.format_tb), errorType, errorMessage, location;
- an unhandled error is logged as "[ERROR] <type>: <message>" + "Traceback (most recent call last):"
  + the formatted frames with leading spaces turned into U+00A0, lines joined by "\\n" in one
  telemetry frame, or by "\\r" when written to stdout (no telemetry descriptor); in JSON format it
  is one object: timestamp, level, errorMessage, errorType, requestId, stackTrace (format_list);
- telemetry frames: 4-byte type, 4-byte length, 8-byte timestamp (µs), message, big-endian.
Markers for the corpus go into the frame file as frames of type 0 (never a real frame type).
"""
import json
import logging
import os
import sys
import time
import traceback
import uuid
from datetime import datetime, timezone

import corpus_truth
import lambda_handler

JSON = os.environ.get("AWS_LAMBDA_LOG_FORMAT", "TEXT").upper() == "JSON"
FRAMES = os.environ.get("CORPUS_LAMBDA_FRAMES")
TEXT_TYPES = {10: 0xA55A000B, 20: 0xA55A000F, 30: 0xA55A0013, 40: 0xA55A0017, 50: 0xA55A001B}
JSON_TYPES = {10: 0xA55A000A, 20: 0xA55A000E, 30: 0xA55A0012, 40: 0xA55A0016, 50: 0xA55A001A}
request_id = ""


class Sink:
    def __init__(self):
        self.file = open(FRAMES, "ab", buffering=0) if FRAMES else None

    def frame(self, frame_type, message):
        data = message.encode("utf-8")
        stamp = int(time.time_ns() / 1000)
        self.file.write(frame_type.to_bytes(4, "big") + len(data).to_bytes(4, "big") + stamp.to_bytes(8, "big") + data)

    def log(self, message, level=20):
        if self.file is None:
            sys.stdout.write(message)
            sys.stdout.flush()
        else:
            self.frame((JSON_TYPES if JSON else TEXT_TYPES)[level], message)

    def log_error(self, lines):
        if self.file is None:
            sys.stdout.write("\r".join(lines) + "\n")
            sys.stdout.flush()
        else:
            self.frame(JSON_TYPES[40] if JSON else TEXT_TYPES[40], "\n".join(lines))


sink = Sink()
if sink.file is not None:
    corpus_truth.marker_sinks.append(lambda marker: sink.frame(0, marker))


class JsonFormatter(logging.Formatter):
    def format(self, record):
        level = min(50, max(0, record.levelno)) // 10 * 10
        result = {
            "timestamp": datetime.fromtimestamp(record.created, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "level": logging.getLevelName(level),
            "message": record.getMessage(),
            "logger": record.name,
            "requestId": request_id,
        }
        if record.exc_info:
            result.update({
                "stackTrace": traceback.format_tb(record.exc_info[2]),
                "errorType": record.exc_info[0].__name__,
                "errorMessage": str(record.exc_info[1]),
                "location": f"{record.pathname}:{record.funcName}:{record.lineno}",
            })
        return json.dumps(result, ensure_ascii=False) + "\n"


class Handler(logging.Handler):
    def emit(self, record):
        record.aws_request_id = request_id
        sink.log(self.format(record), min(50, max(10, record.levelno)) // 10 * 10)


handler = Handler()
if JSON:
    handler.setFormatter(JsonFormatter())
else:
    handler.setFormatter(logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
logging.Formatter.converter = time.gmtime
logging.getLogger().addHandler(handler)


def log_unhandled(error):
    frames = traceback.extract_tb(error.__traceback__)[1:]  # drop the runtime's own frame
    if JSON:
        sink.log_error([json.dumps({"timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()), "level": "ERROR", "errorMessage": str(error),
                                    "errorType": type(error).__name__, "requestId": request_id, "stackTrace": traceback.format_list(frames)})])
        return
    lines = [f"[ERROR] {type(error).__name__}: {error}", "Traceback (most recent call last):"]
    for element in traceback.format_list(frames):
        for line in element.splitlines():
            stripped = line.lstrip(" ")
            lines.append("\u00a0" * (len(line) - len(stripped)) + stripped)
    sink.log_error(lines)


for request in corpus_truth.requests():
    request_id = str(uuid.uuid4())
    corpus_truth.note({"kind": "lambda-request", "n": request["n"], "requestId": request_id})
    try:
        lambda_handler.handler(dict(request), None)
    except Exception as error:
        # The runtime prints the outer traceback alone: no chain reaches the log.
        corpus_truth.call("error", error=error, causes_printed=False)
        log_unhandled(error)
corpus_truth.flush_all()
