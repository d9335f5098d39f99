import Dispatch
import Synchronization

/// Queues ended spans and exports them in batches from one dedicated worker thread.
///
/// - The queue holds at most `maxQueueSize` spans. When it is full, the ``DropPolicy`` decides which
///   span is dropped; every drop is counted (``droppedSpanCount``, ``statistics``).
/// - The worker exports up to `maxExportBatchSize` spans at a time: as soon as a full batch is queued,
///   when a flush or shutdown asks, and otherwise every `scheduleDelay`. Exports never overlap.
/// - ``forceFlush(timeout:)`` is a barrier: when it returns ``FlushResult/success``, every span whose
///   ``onEnd(_:)`` returned before the call began has been exported (or was counted as dropped).
/// - ``shutdown(timeout:)`` stops intake, drains the queue, shuts the exporter down and joins the
///   worker. It is idempotent. Spans that end later are dropped and counted: every span handed to
///   this processor is exported or counted as dropped, never lost silently.
///
/// ```swift
/// let processor = BatchSpanProcessor(exporter: exporter, dropPolicy: .dropOldest)
/// let provider = TracerProvider(processors: [processor])
/// // ...
/// precondition(provider.forceFlush(timeout: .seconds(5)) == .success)
/// ```
public final class BatchSpanProcessor: SpanProcessor {
    /// Which span to drop when a span ends while the queue is full.
    ///
    /// The OpenTelemetry specification leaves this open, and tracers differ, so it is a setting.
    public enum DropPolicy: Hashable, Sendable {
        /// Drop the span that just ended; the queue keeps the older spans (OpenTelemetry SDK behaviour).
        case dropNewest
        /// Evict the oldest queued span to make room for the one that just ended.
        case dropOldest
    }

    /// The queue capacity.
    public let maxQueueSize: Int
    /// The most spans handed to the exporter in one call.
    public let maxExportBatchSize: Int
    /// The longest a queued span waits before an export starts, when nothing triggers one sooner.
    public let scheduleDelay: Duration
    /// How long one export may run before it counts as an overrun.
    ///
    /// Exports are synchronous calls and are never interrupted (that would let two overlap); an export
    /// that runs longer is counted in ``Statistics/exportOverruns``. Flushes have their own deadline.
    public let exportTimeout: Duration
    /// What happens when a span ends while the queue is full.
    public let dropPolicy: DropPolicy

    private let core: Core
    private let worker: JoinableThread

    /// Creates the processor and starts its worker thread.
    ///
    /// `maxExportBatchSize` is capped at `maxQueueSize`; both are at least 1.
    public init(
        exporter: any SpanExporter, maxQueueSize: Int = 2048, maxExportBatchSize: Int = 512,
        scheduleDelay: Duration = .seconds(5), exportTimeout: Duration = .seconds(30),
        dropPolicy: DropPolicy = .dropNewest
    ) {
        self.maxQueueSize = max(1, maxQueueSize)
        self.maxExportBatchSize = min(max(1, maxExportBatchSize), self.maxQueueSize)
        self.scheduleDelay = scheduleDelay
        self.exportTimeout = exportTimeout
        self.dropPolicy = dropPolicy
        let core = Core(
            exporter: exporter, maxQueueSize: self.maxQueueSize, maxExportBatchSize: self.maxExportBatchSize,
            scheduleDelay: scheduleDelay, exportTimeout: exportTimeout, dropPolicy: dropPolicy)
        self.core = core
        core.exited.enter()
        worker = JoinableThread(name: "batch-export") {
            core.runWorker()
            core.exited.leave()
        }
    }

    deinit {
        core.requestStop()
        worker.detach()
    }

    /// Queues `span` for export; drops and counts it if the queue is full or after shutdown.
    public func onEnd(_ span: SpanData) { core.enqueue(span) }

    /// Exports every span that ended before this call began, then flushes the exporter.
    ///
    /// - Returns: ``FlushResult/success`` when all of them are exported (or were counted as dropped),
    ///   ``FlushResult/timeout`` if `timeout` passes first, ``FlushResult/failure`` after shutdown or
    ///   if an export that may have held one of them failed.
    ///
    /// Called from the exporter itself (on the worker thread) it cannot wait for the worker: `.failure`.
    public func forceFlush(timeout: Duration) -> FlushResult {
        guard !worker.isCurrent else { return .failure }
        return core.flush(deadline: .after(timeout))
    }

    /// Stops taking spans, exports what is queued, shuts the exporter down and joins the worker.
    ///
    /// Idempotent: later calls wait for the same shutdown and report its result. Returns
    /// ``FlushResult/timeout`` if the drain is not done by `timeout` (it then finishes in the
    /// background), ``FlushResult/failure`` if an export during the drain failed.
    public func shutdown(timeout: Duration) -> FlushResult {
        core.requestStop()
        guard !worker.isCurrent else { return .failure }
        guard core.exited.wait(timeout: .after(timeout)) == .success else { return .timeout }
        worker.join()
        return core.state.withLock { $0.drainFailed ? .failure : .success }
    }

    /// Spans dropped: queue overflow, after shutdown, or in a batch the exporter rejected.
    public var droppedSpanCount: Int { statistics.dropped }

    /// Counters describing everything this processor did with the spans it was given.
    public var statistics: Statistics { core.state.withLock { $0.statistics } }
}

extension BatchSpanProcessor {
    /// What a ``BatchSpanProcessor`` did with its spans, at one moment.
    ///
    /// Every span passed to ``onEnd(_:)`` is counted once: `received == exported + dropped + pending`.
    public struct Statistics: Hashable, Sendable {
        /// Spans passed to `onEnd`.
        public var received = 0
        /// Spans in batches the exporter accepted.
        public var exported = 0
        /// Spans dropped because the queue was full.
        public var droppedQueueFull = 0
        /// Spans that ended after shutdown began.
        public var droppedAfterShutdown = 0
        /// Spans in batches the exporter reported as failed.
        public var droppedExportFailed = 0
        /// Exports that ran longer than the export timeout.
        public var exportOverruns = 0

        /// Every dropped span, whatever the reason.
        public var dropped: Int { droppedQueueFull + droppedAfterShutdown + droppedExportFailed }
        /// Spans still queued or being exported.
        public var pending: Int { received - exported - dropped }
    }
}
