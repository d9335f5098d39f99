/// An exporter that takes one span at a time and serialises its own writes, so a
/// ``SimpleSpanProcessor`` can hand it spans without an intermediate batch or a lock of its own.
protocol SpanRecorder: SpanExporter {
    /// Records one span; safe to call from many threads at once. `false` after shutdown.
    func record(_ span: SpanData) -> Bool
}
