public import Tracing

/// Asks `tracer` to export what it has buffered: `Tracer.forceFlush()`, called through a protocol of
/// our own.
///
/// swift-distributed-tracing 1.7.3 declares `forceFlush()` only on `LegacyTracer`, marked deprecated,
/// so every call through a generic or opaque `Tracer` warns although nothing replaces it. This is the
/// one place that calls it.
public func forceFlush(_ tracer: some Tracer) {
    flush(TracerFlusher(tracer: tracer))
}

/// Flushing under a name that is not deprecated.
private protocol Flushing {
    func flush()
}

private struct TracerFlusher<T: Tracer>: Flushing {
    let tracer: T

    @available(*, deprecated, message: "the requirement it calls is deprecated; call through Flushing")
    func flush() { tracer.forceFlush() }
}

private func flush(_ flusher: some Flushing) { flusher.flush() }
