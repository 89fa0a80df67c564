"""Schemathesis hooks for newsapi's contract run (.ci/run): how to send a batch as NDJSON.

The OpenAPI document describes an `application/x-ndjson` batch as an array of items; the wire form is
one JSON object per line, which schemathesis does not know how to write without this serializer.
"""
import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    if isinstance(value, list):
        return "".join(json.dumps(item) + "\n" for item in value).encode("utf-8")
    return json.dumps(value).encode("utf-8")
