"""What every corpus program shares: its requests, the markers between log calls, and the
ground truth, written from the exception objects the program itself raised and caught.

Markers (`##corpus:<request>.<call>##`) go to the real stdout and stderr, never through a
logger or a monkeypatch: the generator cuts the output at them and drops them before shipping.
"""
import json
import os
import sys
import traceback

_REAL_OUT = sys.__stdout__
_REAL_ERR = sys.__stderr__
_truth = open(os.environ["CORPUS_TRUTH"], "a", encoding="utf-8")
_call = [0, 0]
#: Extra places a marker must go (a Lambda runtime simulation's telemetry frames).
marker_sinks = []


def requests():
    with open(os.environ["CORPUS_PLAN"], encoding="utf-8") as f:
        plan = json.load(f)
    for request in plan["requests"]:
        _call[0] = request["n"]
        _call[1] = 0
        _write({"kind": "request", "n": request["n"], "sessionId": request["sessionId"], "style": request["style"],
                "scenario": request["scenario"]})
        yield request


def note(record):
    """A fact a runtime simulation knows and a shipper needs (a Lambda request ID)."""
    _write(record)


def _write(record):
    _truth.write(json.dumps(record) + "\n")
    _truth.flush()


def frames_of(tb):
    """Innermost (where it was raised) first, as the other runtimes' truths are."""
    return [{"file": f.filename, "line": f.lineno, "function": f.name} for f in reversed(traceback.extract_tb(tb))]


def describe(exc, seen=None):
    """type, message, frames, then the chain: __cause__, __context__ (unless suppressed), group members."""
    seen = seen if seen is not None else set()
    seen.add(id(exc))
    described = {"type": type(exc).__name__, "message": str(exc), "frames": frames_of(exc.__traceback__), "causes": []}
    linked = []
    if exc.__cause__ is not None:
        linked.append(("cause", exc.__cause__))
    elif exc.__context__ is not None and not exc.__suppress_context__:
        linked.append(("context", exc.__context__))
    for member in getattr(exc, "exceptions", ()) or ():
        linked.append(("member", member))
    for relation, other in linked:
        if id(other) in seen:
            continue
        inner = describe(other, seen)
        described["causes"].append({"relation": relation, **{k: inner[k] for k in ("type", "message", "frames")}})
        described["causes"].extend(inner["causes"])
    return described


def call(level, tagged=True, error=None, causes_printed=True):
    """Marks the start of one log call (or one printed traceback) and records what it is.

    `level` is what the program asked for; "none" where it printed without stating one.
    """
    _call[1] += 1
    marker = f"##corpus:{_call[0]}.{_call[1]}##\n"
    for stream in (_REAL_OUT, _REAL_ERR):
        stream.flush()
        stream.write(marker)
        stream.flush()
    for sink in marker_sinks:
        sink(marker)
    record = {"kind": "call", "n": _call[0], "k": _call[1], "level": level, "tagged": tagged}
    if error is not None:
        record["error"] = describe(error)
        record["error"]["causesPrinted"] = causes_printed
    _write(record)


def flush_all():
    for stream in (sys.stdout, sys.stderr, _REAL_OUT, _REAL_ERR):
        try:
            stream.flush()
        except Exception:  # a monkeypatched stream may not flush
            pass
