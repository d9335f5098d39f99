"""What the driver finds in the SDK itself, shown on the SDK alone: each test fails if the SDK changes."""

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
