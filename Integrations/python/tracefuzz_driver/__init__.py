"""The TraceFuzz driver for the OpenTelemetry Python SDK.

A long-lived process that reads scenarios (the JSON of Scenarios/README.md) from standard input, one
`run` request per line, runs each against the real SDK and writes back what happened as protocol lines
(see "The driver protocol" in Scenarios/README.md). Start it with `python -m tracefuzz_driver`.
"""

PROTOCOL = 1
"""The driver protocol's version: the `protocol` field of `hello`, and what a request's `protocol` must be."""
