"""JSON text for the fixtures: exact float32 numbers, compact lines, atomic writes."""

import json
import os
import tempfile

import numpy as np


def number_text(value):
    """Shortest text that reads back as the same float32; whole numbers without '.0'."""
    v = np.float32(value)
    if not np.isfinite(v):
        raise ValueError("non-finite value %r in fixture" % value)
    if float(v).is_integer() and abs(v) < 2**24:
        return str(int(v))
    return str(v)


def compact(value):
    """Compact JSON with floats written via number_text."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(compact(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k) + ":" + compact(v) for k, v in value.items()) + "}"
    raise TypeError(type(value))


def write_atomically(path, text):
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
