import Dispatch
import Foundation
import Synchronization
import TraceCore

/// One run of one scenario against one adapter: interprets the plan on real threads, queues and tasks.
///
/// Synchronous workers (pools, Dispatch, `OperationQueue`, threads) run steps with ``runSync(_:site:)``;
/// tasks run them with ``runAsync(_:site:)``. Async code never blocks a thread: its joins suspend. Sync
/// code blocks only where the validator allows it (never inside Dispatch-concurrent or
/// `OperationQueue` workers).
final class ScenarioExecution<Adapter: TracerAdapter>: Sendable {
    let adapter: Adapter
    let log = RunLog()
    let pending = PendingTasks()
    let barriers = BarrierRegistry()
    let perturbation: Perturbation
    let flushTimeout: Duration
    let seed: UInt64
    /// The scenario's instances, sent to the child processes of `process` hops.
    let instances: [TracerInstanceConfig]
    /// How `process` hops run; its worker is resolved before any hop needs it.
    let processes: ProcessHopOptions
    /// The run's live child processes.
    let children = ChildRegistry()
    /// Told of span ends and of spans children deliver, when this execution runs inside a worker.
    let observer: (any ExecutionObserver)?
    private let executors = StateLock<[any WorkExecutor]>([])
    private let longLived = StateLock<[String: any WorkExecutor]>([:])

    init(
        adapter: Adapter, seed: UInt64, flushTimeout: Duration, instances: [TracerInstanceConfig] = [],
        processes: ProcessHopOptions = ProcessHopOptions(), observer: (any ExecutionObserver)? = nil
    ) {
        self.adapter = adapter
        self.perturbation = Perturbation(seed: seed)
        self.flushTimeout = flushTimeout
        self.seed = seed
        self.instances = instances
        self.processes = processes
        self.observer = observer
    }

    // MARK: - Steps

    func runSync(_ steps: [PlanStep], site: String) {
        for step in steps {
            switch step {
            case .span(let span):
                adapter.withSpan(span.label, instance: span.instance) {
                    log.observe(span.label, adapter.currentSpan())
                    runSync(span.children, site: site)
                }
                log.ended(span.label, instance: span.instance)
                observer?.spanEnded(span.label, instance: span.instance)
            case .hop(let hop):
                hopFromSync(hop, site: site)
            case .other(let other):
                runSync(other)
            }
        }
    }

    func runAsync(_ steps: [PlanStep], site: String) async {
        for step in steps {
            switch step {
            case .span(let span):
                await adapter.withSpan(span.label, instance: span.instance) {
                    log.observe(span.label, adapter.currentSpan())
                    await runAsync(span.children, site: site)
                }
                log.ended(span.label, instance: span.instance)
                observer?.spanEnded(span.label, instance: span.instance)
            case .hop(let hop):
                await hopFromAsync(hop, site: site)
            case .other(let other):
                await runAsync(other)
            }
        }
    }

    private func runSync(_ step: Step) {
        switch step {
        case .flush(let flush): Self.waitOutsidePool { await self.flush(instance: flush.instance) }
        case .shutdown(let step): Self.waitOutsidePool { await self.flush(instance: step.instance, shutdown: true) }
        case .yield: sched_yield()
        case .sleep(let sleep): usleep(UInt32(sleep.micros))
        case .barrier(let barrier): barriers.arrive(barrier)
        case .span, .hop: break
        }
    }

    private func runAsync(_ step: Step) async {
        switch step {
        case .flush(let flush): await self.flush(instance: flush.instance)
        case .shutdown(let step): await self.flush(instance: step.instance, shutdown: true)
        case .yield: await Task.yield()
        case .sleep(let sleep): try? await Task.sleep(for: .microseconds(sleep.micros))
        case .barrier(let barrier): await barriers.arrive(barrier)
        case .span, .hop: break
        }
    }

    /// Flushes (or shuts down) one instance and records what it had to cover. The final flush is
    /// numbered 0; the run's own final flush also counts what child processes delivered and dropped,
    /// since it must cover every span of the scenario.
    func flush(instance: Int, final: Bool = false, shutdown: Bool = false) async {
        let index = final ? 0 : log.nextFlushIndex()
        let endedBefore = log.endedLabels(instance: instance)
        if shutdown { log.shutdownBegins(instance: instance) }
        let outcome =
            shutdown
            ? await adapter.shutdown(instance: instance, timeout: flushTimeout)
            : await adapter.flush(instance: instance, timeout: flushTimeout)
        var exported = Set(adapter.exportedSpans().lazy.filter { $0.exportedBy == instance }.map(\.label))
        var dropped = adapter.droppedSpans(instance: instance)
        if final && observer == nil {
            exported.formUnion(log.remoteSpans(instance: instance).map(\.label))
            dropped += log.remoteDropped(instance: instance)
        }
        log.record(
            FlushObservation(
                index: index, instance: instance, endedBefore: endedBefore, exportedAfter: exported,
                droppedAfter: dropped, outcome: outcome, isShutdown: shutdown,
                shutdownBegunByReturn: log.hasShutdownBegun(instance: instance)))
    }

    /// Runs async `body` to its end from a worker thread of a synchronous executor, blocking that thread
    /// meanwhile and running the call's own jobs on it (``BlockingCallExecutor``): how a flush step in a
    /// pool worker awaits the tracer's async flush without waiting for a cooperative thread.
    static func waitOutsidePool(_ body: @escaping @Sendable () async -> Void) {
        BlockingCallExecutor.run(body)
    }

    // MARK: - Hops

    private func hopFromSync(_ hop: PlannedHop, site: String) {
        if hop.executor.runsAsync {
            // Bridge through an unstructured task: it inherits the thread's task-locals, as Swift does.
            let done = DispatchSemaphore(value: 0)
            let ticket = pending.begin("\(hop.name) bridge")
            Task {
                await self.hopFromAsync(hop, site: site)
                self.pending.end(ticket)
                done.signal()
            }
            if hop.join { done.wait() }
            return
        }
        if hop.executor == .process {
            let group = DispatchGroup()
            startProcessTasks(hop, group: group)
            if hop.join { group.wait() }
            return
        }
        guard let executor = makeExecutor(for: hop) else { return }
        let group = DispatchGroup()
        submitAll(hop, to: executor, group: group)
        if hop.join {
            group.wait()
            executor.shutdown()
        } else {
            retain(executor)
        }
    }

    /// The executor for a hop. Top-level hops to pools and operation queues share one long-lived executor
    /// per kind and width, as a server's request-level pools do, so a context a task leaves on a pooled
    /// thread can reach a later request's task. Nested hops get executors of their own, so a task never
    /// waits on the executor it runs on.
    private func executor(for hop: PlannedHop, site: String) -> (any WorkExecutor)? {
        let shareable = hop.executor == .pool || hop.executor == .tracedPool || hop.executor == .operationQueue
        guard site == "top", shareable else { return makeExecutor(for: hop) }
        let key = "\(hop.executor.rawValue)-\(hop.width)"
        return longLived.withLock { executors in
            if let existing = executors[key] { return existing }
            let made = makeExecutor(for: hop)
            executors[key] = made
            return made
        }
    }

    /// Whether an executor is long-lived (shut down at the end of the run, not after its hop).
    private func isLongLived(_ hop: PlannedHop, site: String) -> Bool {
        site == "top" && (hop.executor == .pool || hop.executor == .tracedPool || hop.executor == .operationQueue)
    }

    private func hopFromAsync(_ hop: PlannedHop, site: String) async {
        switch hop.executor {
        case .task, .detachedTask:
            var handles: [Task<Void, Never>] = []
            for (index, body) in asyncBodies(hop).enumerated() {
                let ticket = pending.begin(hop.taskSite(index))
                let work: @Sendable () async -> Void = {
                    await body()
                    self.pending.end(ticket)
                }
                handles.append(hop.executor == .task ? Task { await work() } : Task.detached { await work() })
            }
            if hop.join {
                for handle in handles { await handle.value }
            }
        case .taskGroup:
            let bodies = asyncBodies(hop)
            await withTaskGroup(of: Void.self) { group in
                for body in bodies { group.addTask { await body() } }
            }
        case .asyncLet:
            await Self.runAsyncLets(asyncBodies(hop)[...])
        case .process:
            let group = DispatchGroup()
            startProcessTasks(hop, group: group)
            if hop.join {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    group.notify(queue: .global()) { continuation.resume() }
                }
            }
        default:
            guard let executor = executor(for: hop, site: site) else { return }
            let longLived = isLongLived(hop, site: site)
            let group = DispatchGroup()
            submitAll(hop, to: executor, group: group)
            if hop.join {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    group.notify(queue: .global()) { continuation.resume() }
                }
                if !longLived { executor.shutdown() }
            } else if !longLived {
                retain(executor)
            }
        }
    }

    /// Runs each body in its own `async let`, nesting one level per body.
    private static func runAsyncLets(_ bodies: ArraySlice<@Sendable () async -> Void>) async {
        guard let first = bodies.first else { return }
        async let head: Void = first()
        await runAsyncLets(bodies.dropFirst())
        await head
    }

    // MARK: - Task bodies under each strategy

    /// The work for task `index` of a sync-worker hop. Strategy work that belongs to the submitter
    /// (capture, inject) happens here, at submit time.
    private func submitAll(_ hop: PlannedHop, to executor: any WorkExecutor, group: DispatchGroup) {
        let shared: Adapter.CapturedContext? = hop.strategy == .shared ? adapter.capture() : nil
        for (index, steps) in hop.tasks.enumerated() {
            let site = hop.taskSite(index)
            let run: @Sendable () -> Void = { self.runSync(steps, site: site) }
            let body: @Sendable () -> Void
            switch hop.strategy {
            case .fresh:
                let captured = adapter.capture()
                body = { self.adapter.withRestored(captured, run) }
            case .shared:
                let captured = shared!
                body = { self.adapter.withRestored(captured, run) }
            case .carrier:
                let headers = adapter.inject()
                body = { self.adapter.withExtracted(headers, run) }
            case .none:
                body = run
            }
            let ticket = pending.begin(site)
            let jitter = perturbation.jitter(hop: hop.id, task: index)
            group.enter()
            let propagates = executor.propagatesContext
            executor.submit {
                self.log.taskStarted()
                // A plain executor's thread must carry no context; a propagating one's only what it restored.
                let before = self.adapter.currentSpan()
                if !propagates, let stale = before {
                    self.log.leak(LeakObservation(site: site, leftover: stale, beforeTask: true))
                }
                jitter.applySync()
                body()
                let after = self.adapter.currentSpan()
                if let leftover = after, after != (propagates ? before : nil) {
                    self.log.leak(LeakObservation(site: site, leftover: leftover, beforeTask: false))
                }
                self.pending.end(ticket)
                group.leave()
            }
        }
    }

    /// The async work for task `index` of a task-family hop, with the submitter's share done now.
    private func asyncBodies(_ hop: PlannedHop) -> [@Sendable () async -> Void] {
        let shared: Adapter.CapturedContext? = hop.strategy == .shared ? adapter.capture() : nil
        return hop.tasks.enumerated().map { index, steps in
            asyncBody(hop, index: index, steps: steps, shared: shared)
        }
    }

    private func asyncBody(
        _ hop: PlannedHop, index: Int, steps: [PlanStep], shared: Adapter.CapturedContext?
    ) -> @Sendable () async -> Void {
        let site = hop.taskSite(index)
        let jitter = perturbation.jitter(hop: hop.id, task: index)
        let run: @Sendable () async -> Void = {
            self.log.taskStarted()
            await jitter.applyAsync()
            await self.runAsync(steps, site: site)
        }
        switch hop.strategy {
        case .fresh, .shared:
            let captured = shared ?? adapter.capture()
            return { await self.adapter.withRestored(captured, run) }
        case .carrier:
            let headers = adapter.inject()
            return { await self.adapter.withExtracted(headers, run) }
        case .none:
            return run
        }
    }

    // MARK: - Executors

    private func makeExecutor(for hop: PlannedHop) -> (any WorkExecutor)? {
        switch hop.executor {
        case .pool: PoolWorkExecutor(width: hop.width)
        case .tracedPool: tracedPool(width: hop.width)
        case .dispatchConcurrent: DispatchWorkExecutor(concurrent: true, label: hop.name)
        case .dispatchSerial: DispatchWorkExecutor(concurrent: false, label: hop.name)
        case .operationQueue: OperationQueueWorkExecutor(width: hop.width, label: hop.name)
        case .thread: ThreadWorkExecutor()
        case .task, .detachedTask, .taskGroup, .asyncLet, .process: nil
        // RealRuntime refuses scenarios with these before they start.
        case .toThread, .runInExecutor, .forkProcess, .processPool, .forkProcessPool: nil
        }
    }

    /// The adapter's own executor, noting what it declares; a missing one makes the run unsupported.
    private func tracedPool(width: Int) -> (any WorkExecutor)? {
        guard let executor = adapter.propagatingExecutor(width: width) else {
            log.unsupported("the tracer adapter has no executor of its own for 'tracedPool' hops")
            return nil
        }
        log.tracedPool(propagates: executor.propagatesContext)
        return executor
    }

    private func retain(_ executor: any WorkExecutor) {
        executors.withLock { $0.append(executor) }
    }

    /// Shuts down the executors of fire-and-forget hops; call after every task has finished.
    func shutdownRetainedExecutors() {
        let all = executors.withLock { executors in
            defer { executors = [] }
            return executors
        }
        let shared = longLived.withLock { executors in
            defer { executors = [:] }
            return Array(executors.values)
        }
        for executor in all + shared { executor.shutdown() }
    }
}
