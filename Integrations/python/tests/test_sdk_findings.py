"""The SDK's behaviour behind the driver's findings and rules, shown on the SDK alone: each test fails if the
SDK changes."""

import threading
import time

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult


class SlowExporter(SpanExporter):
    def __init__(self):
        self.exported = []

    def export(self, spans):
        time.sleep(0.05)
        self.exported.extend(span.name for span in spans)
        return SpanExportResult.SUCCESS

    def shutdown(self):
        pass


def test_a_second_concurrent_shutdown_returns_before_the_first_has_exported_what_ended_before_it():
    # Not a defect: the specification allows one shutdown per processor and has the SDK ignore the rest.
    # It is why the driver reports a repeated shutdown as promising nothing (test_repeated_shutdown.py).
    exporter = SlowExporter()
    provider = TracerProvider(shutdown_on_exit=False)
    provider.add_span_processor(BatchSpanProcessor(exporter, max_export_batch_size=1, schedule_delay_millis=10_000))
    tracer = provider.get_tracer("t")
    for name in ("a", "b", "c"):
        with tracer.start_as_current_span(name):
            pass
    first = threading.Thread(target=provider.shutdown)
    first.start()
    time.sleep(0.01)  # the first shutdown is draining the queue through the slow exporter
    provider.shutdown()  # returns None, as a completed shutdown does
    seen_by_second = list(exporter.exported)
    first.join()
    assert len(seen_by_second) < 3, "the second shutdown waited for the drain"
    assert sorted(exporter.exported) == ["a", "b", "c"]


class GatedExporter(SpanExporter):
    """Blocks every export until `gate` is set."""

    def __init__(self):
        self.exported = []
        self.gate = threading.Event()

    def export(self, spans):
        self.gate.wait(5)
        self.exported.extend(span.name for span in spans)
        return SpanExportResult.SUCCESS

    def shutdown(self):
        pass


class DrainingMetrics:
    """The processor's drop metric, called between its queue-full check and its append: here the worker
    is let go and drains the queue before the call returns, as a preemption at that point would allow."""

    def __init__(self, inner, processor, exporter):
        self.inner, self.processor, self.exporter = inner, processor, exporter
        self.counted = 0

    def drop_items(self, count, *args):
        self.counted += count
        self.exporter.gate.set()
        deadline = time.monotonic() + 5
        while self.processor._queue and time.monotonic() < deadline:
            time.sleep(0.001)
        self.inner.drop_items(count, *args)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_a_drop_is_counted_when_the_queue_was_full_at_the_check_but_drained_before_the_append():
    exporter = GatedExporter()
    processor = BatchSpanProcessor(exporter, max_queue_size=2, max_export_batch_size=2, schedule_delay_millis=10_000)
    inner = processor._batch_processor
    metrics = DrainingMetrics(inner._metrics, inner, exporter)
    inner._metrics = metrics
    provider = TracerProvider(shutdown_on_exit=False)
    provider.add_span_processor(processor)
    tracer = provider.get_tracer("t")
    for name in ("a", "b"):  # a full batch: the worker takes it and blocks in export
        with tracer.start_as_current_span(name):
            pass
    deadline = time.monotonic() + 5
    while inner._queue and time.monotonic() < deadline:
        time.sleep(0.001)
    for name in ("c", "d", "e"):  # c and d fill the queue; e finds it full, and is kept all the same
        with tracer.start_as_current_span(name):
            pass
    provider.shutdown()
    assert sorted(exporter.exported) == ["a", "b", "c", "d", "e"]
    assert metrics.counted == 1, "no drop was counted: the race did not happen"
