"""Tracer instances: one TracerProvider per scenario instance, each with its own processor, exporter and
resource (the multi-instance pattern), and the SDK's own drop accounting read back."""

import os
import threading
import time

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor, SpanExporter, SpanExportResult

from .record import identity

SESSION_ATTRIBUTE = "tracefuzz.instance"
"""The resource attribute naming an instance: the span's session."""

BATCH_SCHEDULE_DELAY_MILLIS = 10
"""How often a batch processor's worker exports on its own, so exports race the scenario's flushes."""


class CollectingExporter(SpanExporter):
    """Keeps what it exported as protocol `span` lines (exportedBy: its instance), and hands each
    batch to `sink` as it is exported when one is given (child processes stream their spans that way)."""

    def __init__(self, instance, sink=None):
        self.instance = instance
        self.sink = sink
        self._lock = threading.Lock()
        self.lines = []
        self.labels = set()

    def export(self, spans):
        lines = [span_line(span, self.instance) for span in spans]
        with self._lock:
            self.lines.extend(lines)
            self.labels.update(line["label"] for line in lines)
        if self.sink is not None:
            self.sink(lines)
        return SpanExportResult.SUCCESS

    def exported_labels(self):
        """The labels exported so far."""
        with self._lock:
            return set(self.labels)

    def shutdown(self):
        pass

    def force_flush(self, timeout_millis=30000):
        return True


def span_line(span, exported_by):
    """A finished SDK span as a protocol `span` line."""
    session = span.resource.attributes.get(SESSION_ATTRIBUTE) if span.resource is not None else None
    line = {
        "type": "span",
        "label": span.name,
        "identity": identity(span.context),
        "exportedBy": exported_by,
        "sessionInstance": session,
    }
    if span.parent is not None and span.parent.is_valid:
        line["parentSpanID"] = format(span.parent.span_id, "016x")
    if span.start_time is not None and span.end_time is not None:
        line["startNanos"] = span.start_time
        line["endNanos"] = span.end_time
    return line


class DropCounter:
    """Wraps a processor's metrics object and counts the items it reports dropped (queue full, or
    after shutdown): the SDK's own accounting, passed on unchanged."""

    def __init__(self, inner):
        self._inner = inner
        self._lock = threading.Lock()
        self.count = 0

    def drop_items(self, count, error_type="queue_full"):
        with self._lock:
            self.count += count
        self._inner.drop_items(count, error_type)

    def __getattr__(self, name):
        return getattr(self._inner, name)


_DETECTED = {}


def instance_resource(index, session_label):
    """What `Resource.create` makes for an instance: the SDK's detected resource (computed once per
    process, since detection reads the environment and costs a sixth of a run) with the instance's
    service name and session attribute."""
    pid = os.getpid()
    if pid not in _DETECTED:  # a forked child detects its own (its process attributes differ)
        _DETECTED.clear()
        _DETECTED[pid] = Resource.create({})
    return _DETECTED[pid].merge(Resource({"service.name": f"{session_label}-{index}", SESSION_ATTRIBUTE: index}))


class DropTotal:
    """The drops of every SDK batch processor in a provider a user's tracer setup built."""

    def __init__(self, counters):
        self.counters = counters

    @property
    def count(self):
        return sum(counter.count for counter in self.counters)


def _counted_batch_processors(provider):
    """Wraps the drop metric of each SDK `BatchSpanProcessor` the provider holds, and returns the total."""
    active = getattr(provider, "_active_span_processor", None)
    counters = []
    for processor in getattr(active, "_span_processors", ()):
        inner = getattr(processor, "_batch_processor", None)
        if isinstance(processor, BatchSpanProcessor) and inner is not None:
            counter = DropCounter(inner._metrics)
            inner._metrics = counter
            counters.append(counter)
    return DropTotal(counters)


class Instance:
    """One scenario instance: its provider, tracer, exporter and drop counter.

    With a `tracer_factory` (`--python-tracer module:factory`), the user's own setup builds the provider:
    `factory(exporter=..., resource=..., config=..., shutdown_on_exit=...)` returns a `TracerProvider`
    whose processors send to `exporter` (the spans the harness reads); `config` is the scenario's instance
    (`processor`, `maxQueueSize`, `maxExportBatchSize`), which the setup may follow or ignore. Drops are
    counted for the SDK's `BatchSpanProcessor`s in it; another processor's drops are not seen."""

    def __init__(self, index, config, shutdown_on_exit=False, sink=None, session_label="tracefuzz",
                 tracer_factory=None):
        self.index = index
        self.exporter = CollectingExporter(index, sink)
        if tracer_factory is not None:
            resource = instance_resource(index, session_label)
            self.provider = tracer_factory(
                exporter=self.exporter, resource=resource, config=dict(config), shutdown_on_exit=shutdown_on_exit)
            for method in ("get_tracer", "force_flush", "shutdown"):
                if not callable(getattr(self.provider, method, None)):
                    raise TypeError(f"the factory returned {type(self.provider).__name__}, "
                                    f"which has no {method}()")
            self.processor = None
            self.drops = _counted_batch_processors(self.provider)
            self._finish()
            return
        if config.get("processor", "simple") == "batch":
            queue = int(config.get("maxQueueSize", 2048))
            batch = min(int(config.get("maxExportBatchSize", 512)), queue)
            self.processor = BatchSpanProcessor(
                self.exporter,
                max_queue_size=queue,
                max_export_batch_size=batch,
                schedule_delay_millis=BATCH_SCHEDULE_DELAY_MILLIS,
            )
            inner = self.processor._batch_processor
        else:
            self.processor = SimpleSpanProcessor(self.exporter)
            inner = self.processor
        self.drops = DropCounter(inner._metrics)
        inner._metrics = self.drops
        resource = instance_resource(index, session_label)
        self.provider = TracerProvider(resource=resource, shutdown_on_exit=shutdown_on_exit)
        self.provider.add_span_processor(self.processor)
        self._finish()

    def _finish(self):
        self.tracer = self.provider.get_tracer("tracefuzz")
        self.shutdown_begun = False
        # Held through each shutdown call, so the call that reaches the SDK first is the one that reports
        # success; a later (or concurrent) call finds `shutdown_returned` set.
        self.shutdown_lock = threading.Lock()
        self.shutdown_returned = False
        self._lock = threading.Lock()


class Instances:
    """Every instance of one run (or one child process), with flush and shutdown bookkeeping."""

    def __init__(self, configs, recorder, site=None, shutdown_on_exit=False, sink=None, tracer_factory=None):
        self.recorder = recorder
        self.site = site
        self.configs = configs
        self.all = [Instance(i, c, shutdown_on_exit, sink, tracer_factory=tracer_factory)
                    for i, c in enumerate(configs)]
        self._lock = threading.Lock()
        self._flushes = 0

    def tracer(self, index):
        return self.all[index].tracer

    def flush(self, index, timeout_millis, shutdown=False, final=False):
        """Flushes (or shuts down) one instance and records what it had to cover."""
        instance = self.all[index]
        ended = set(self.recorder.ended_labels())
        with self._lock:
            if not final:
                self._flushes += 1
            number = 0 if final else self._flushes
        if shutdown:
            instance.shutdown_begun = True
        try:
            if shutdown:
                # The specification allows one shutdown per provider and has the SDK ignore the rest, so a
                # repeated call promises nothing: it reports failure, which the oracle excuses once a shutdown
                # has begun. Only the call that really shut the provider down reports success.
                with instance.shutdown_lock:
                    repeated = instance.shutdown_returned
                    instance.provider.shutdown()
                    instance.shutdown_returned = True
                outcome = "failure" if repeated else "success"
            else:
                started = time.monotonic()
                ok = instance.provider.force_flush(timeout_millis)
                late = (time.monotonic() - started) * 1000 > timeout_millis
                outcome = "success" if ok else ("timeout" if late else "failure")
        except Exception as error:  # the SDK's own failure is an outcome, and a recorded exception
            self.recorder.exception(self.site or "top", error, "shutdown" if shutdown else "force_flush")
            outcome = "failure"
        exported = instance.exporter.exported_labels()
        line = {
            "type": "flush",
            "index": number,
            "instance": index,
            "endedBefore": sorted(label for label in ended if label in self.labels_of(index)),
            "exportedAfter": sorted(exported),
            "droppedAfter": instance.drops.count,
            "outcome": outcome,
            "isShutdown": shutdown,
            "shutdownBegunByReturn": instance.shutdown_begun,
        }
        if self.site is not None:
            line["site"] = self.site
        self.recorder.add(line)

    labels_by_instance = None

    def labels_of(self, index):
        return self.labels_by_instance.get(index, set()) if self.labels_by_instance else set()

    def exported_lines(self):
        lines = []
        for instance in self.all:
            lines.extend(instance.exporter.lines)
        return lines

    def dropped_lines(self):
        return [{"type": "dropped", "instance": i.index, "count": i.drops.count} for i in self.all]

    def close(self):
        """Shuts every provider down (unregistering its exit hook): the driver outlives many runs."""
        for instance in self.all:
            if not instance.shutdown_begun:
                instance.shutdown_begun = True
                instance.provider.shutdown()
