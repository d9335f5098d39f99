import Dispatch
import Synchronization

extension BatchSpanProcessor {
    /// The state shared by the processor and its worker thread (the worker does not keep the processor
    /// alive).
    ///
    /// Every span gets a sequence number when it ends. Spans leave in sequence order (export takes from
    /// the front; ``DropPolicy/dropOldest`` evicts the front; ``DropPolicy/dropNewest`` never enqueues),
    /// so "every span up to `n` is done" is simply "the oldest pending sequence is past `n`". A flush
    /// records the last sequence handed out when it begins and waits for that.
    final class Core: Sendable {
        let state: StateLock<State>
        /// Wakes the worker: a full batch, a flush, a shutdown.
        let wake = DispatchSemaphore(value: 0)
        /// Entered before the worker starts, left when it has drained and shut the exporter down.
        let exited = DispatchGroup()
        let exporter: any SpanExporter
        let maxQueueSize: Int
        let maxExportBatchSize: Int
        let scheduleDelay: Duration
        let exportTimeout: Duration
        let dropPolicy: DropPolicy

        struct Queued {
            var sequence: UInt64
            var span: SpanData
        }

        struct FlushWaiter {
            var target: UInt64
            var semaphore: DispatchSemaphore
            var failed = false
        }

        struct State {
            var queue: RingBuffer<Queued>
            /// The last sequence number handed out.
            var lastSequence: UInt64 = 0
            /// The first sequence of the batch being exported, if any.
            var inFlightFirst: UInt64?
            var isStopping = false
            var drainFailed = false
            var waiters: [UInt64: FlushWaiter] = [:]
            /// Flushes the worker finished, by waiter ID: whether they failed.
            var finished: [UInt64: Bool] = [:]
            var nextWaiterID: UInt64 = 0
            var statistics = Statistics()

            /// The oldest sequence not yet exported or dropped.
            var oldestPending: UInt64 { inFlightFirst ?? queue.first?.sequence ?? .max }
        }

        init(
            exporter: any SpanExporter, maxQueueSize: Int, maxExportBatchSize: Int, scheduleDelay: Duration,
            exportTimeout: Duration, dropPolicy: DropPolicy
        ) {
            self.exporter = exporter
            self.maxQueueSize = maxQueueSize
            self.maxExportBatchSize = maxExportBatchSize
            self.scheduleDelay = scheduleDelay
            self.exportTimeout = exportTimeout
            self.dropPolicy = dropPolicy
            state = StateLock(State(queue: RingBuffer(capacity: min(maxQueueSize, 1024))))
        }

        func enqueue(_ span: SpanData) {
            let wakeWorker = state.withLock { state -> Bool in
                state.statistics.received += 1
                if state.isStopping {
                    state.statistics.droppedAfterShutdown += 1
                    return false
                }
                state.lastSequence += 1
                if state.queue.count >= maxQueueSize {
                    state.statistics.droppedQueueFull += 1
                    guard dropPolicy == .dropOldest else { return false }
                    _ = state.queue.popFirst()
                    state.queue.append(Queued(sequence: state.lastSequence, span: span))
                    // The eviction may complete a waiting flush: let the worker look.
                    return !state.waiters.isEmpty
                }
                state.queue.append(Queued(sequence: state.lastSequence, span: span))
                return state.queue.count == maxExportBatchSize
            }
            if wakeWorker { wake.signal() }
        }

        func flush(deadline: DispatchTime) -> FlushResult {
            let semaphore = DispatchSemaphore(value: 0)
            let id: UInt64? = state.withLock { state in
                if state.isStopping { return nil }
                let id = state.nextWaiterID
                state.nextWaiterID += 1
                state.waiters[id] = FlushWaiter(target: state.lastSequence, semaphore: semaphore)
                return id
            }
            guard let id else { return .failure }
            wake.signal()
            let timedOut = semaphore.wait(timeout: deadline) == .timedOut
            return state.withLock { state in
                if let failed = state.finished.removeValue(forKey: id) { return failed ? .failure : .success }
                precondition(timedOut, "a flush woke without finishing")
                state.waiters[id] = nil
                return .timeout
            }
        }

        func requestStop() {
            let first = state.withLock { state in
                defer { state.isStopping = true }
                return !state.isStopping
            }
            if first { wake.signal() }
        }

        private enum Step {
            case finishFlushes([UInt64])
            case export([Queued])
            case exit
            case wait
        }

        /// The worker's loop: finish flushes whose spans are all done, export when a batch is full or
        /// someone waits (or every `scheduleDelay`, until the queue is empty), exit once stopping and
        /// drained.
        func runWorker() {
            var nextTimer = DispatchTime.after(scheduleDelay)
            var timerFired = false
            while true {
                if DispatchTime.now() >= nextTimer {
                    timerFired = true
                    nextTimer = .after(scheduleDelay)
                }
                switch nextStep(timerFired: timerFired) {
                case .finishFlushes(let ids):
                    let flushed = exporter.forceFlush()
                    finishFlushes(ids, exporterFlushed: flushed)
                case .export(let batch):
                    export(batch)
                case .exit:
                    exporter.shutdown()
                    return
                case .wait:
                    timerFired = false
                    _ = wake.wait(timeout: nextTimer)
                }
            }
        }

        private func nextStep(timerFired: Bool) -> Step {
            state.withLock { state in
                let oldest = state.oldestPending
                let done = state.waiters.filter { $0.value.target < oldest }.map(\.key)
                if !done.isEmpty { return .finishFlushes(done) }
                if state.queue.isEmpty { return state.isStopping ? .exit : .wait }
                let urgent =
                    state.queue.count >= maxExportBatchSize || !state.waiters.isEmpty || state.isStopping
                    || timerFired
                guard urgent else { return .wait }
                let batch = state.queue.popFirst(upTo: maxExportBatchSize)
                state.inFlightFirst = batch[0].sequence
                return .export(batch)
            }
        }

        private func export(_ batch: [Queued]) {
            let clock = ContinuousClock()
            let started = clock.now
            let succeeded = exporter.export(batch.map(\.span))
            let overran = clock.now - started > exportTimeout
            state.withLock { state in
                state.inFlightFirst = nil
                if overran { state.statistics.exportOverruns += 1 }
                if succeeded {
                    state.statistics.exported += batch.count
                    return
                }
                state.statistics.droppedExportFailed += batch.count
                if state.isStopping { state.drainFailed = true }
                let first = batch[0].sequence
                for (id, waiter) in state.waiters where waiter.target >= first {
                    state.waiters[id]?.failed = true
                }
            }
        }

        private func finishFlushes(_ ids: [UInt64], exporterFlushed: Bool) {
            let semaphores = state.withLock { state in
                ids.compactMap { id -> DispatchSemaphore? in
                    guard let waiter = state.waiters.removeValue(forKey: id) else { return nil }
                    state.finished[id] = waiter.failed || !exporterFlushed
                    return waiter.semaphore
                }
            }
            for semaphore in semaphores { semaphore.signal() }
        }
    }
}
