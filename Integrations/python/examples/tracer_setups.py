"""Tracer setups for `--python-tracer module:factory`: how a user hands TraceFuzz their own provider.

A factory takes keyword arguments `exporter` (where the spans the harness reads must go), `resource`
(the instance's resource, with its session attribute), `config` (the scenario's instance: `processor`,
`maxQueueSize`, `maxExportBatchSize`) and `shutdown_on_exit`, and returns a `TracerProvider`.

    PYTHONPATH=Integrations/python/examples \\
        swift run -c release tracefuzz run --driver python --python-tracer tracer_setups:batched --seed 1
"""

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor


def batched(exporter, resource, config, shutdown_on_exit):
    """A typical service setup: one provider, one batch processor, whatever the scenario asked for."""
    provider = TracerProvider(resource=resource, shutdown_on_exit=shutdown_on_exit)
    provider.add_span_processor(BatchSpanProcessor(exporter, schedule_delay_millis=10))
    return provider


class _FlushlessProvider(TracerProvider):
    """A wrapper some setups grow: `force_flush` reports success without reaching the processors."""

    def force_flush(self, timeout_millis=30000):
        return True


def flushless(exporter, resource, config, shutdown_on_exit):
    """A setup with a defect: its provider's `force_flush` never flushes its batch processor, so spans
    that ended before a successful flush are still queued (`none-lost`)."""
    provider = _FlushlessProvider(resource=resource, shutdown_on_exit=shutdown_on_exit)
    provider.add_span_processor(BatchSpanProcessor(exporter, schedule_delay_millis=60_000))
    return provider


def simple(exporter, resource, config, shutdown_on_exit):
    """The smallest setup: every span exported as it ends."""
    provider = TracerProvider(resource=resource, shutdown_on_exit=shutdown_on_exit)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider
