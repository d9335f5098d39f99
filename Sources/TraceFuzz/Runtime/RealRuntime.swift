import Dispatch
import Synchronization
import TraceCore

/// Runs scenarios on real threads, Dispatch queues, operation queues and Swift tasks, with seeded
/// jitter, under a deadline enforced by a watchdog.
///
/// A run that does not finish within ``Scenario/deadlineMillis`` of starting returns at once with a
/// ``HangReport`` naming the tasks still pending; its stuck threads are abandoned, never waited for,
/// and its child processes are killed and reaped before it returns. A run that cannot even start within
/// the deadline (no cooperative thread comes free) is reported as a hang too, so no run waits forever.
public struct RealRuntime: ScenarioRuntime {
    /// How long each flush may take before it reports a timeout.
    public var flushTimeout: Duration
    /// How `process` hops run.
    public var processes: ProcessHopOptions

    /// Creates a real runtime.
    public init(flushTimeout: Duration = .seconds(5), processes: ProcessHopOptions = ProcessHopOptions()) {
        self.flushTimeout = flushTimeout
        self.processes = processes
    }

    /// Runs `scenario` once against a fresh adapter from `factory`. The deadline covers making the
    /// adapter and tearing it down, as well as the steps and the final flushes.
    public func run<Factory: TracerAdapterFactory>(
        _ scenario: Scenario, factory: Factory, seed: UInt64
    ) async -> RunRecord {
        if factory is DriverTracerFactory {
            var record = RunRecord()
            record.unsupported = "the \(factory.name) tracer runs in its driver: use DriverRuntime"
            return record
        }
        if let kind = Self.driverOnlyExecutor(scenario.steps) {
            var record = RunRecord()
            record.unsupported =
                "executor '\(kind.rawValue)' has no Swift counterpart; it runs under a language driver "
                + "(tracefuzz run --driver python)"
            return record
        }
        let plan = ScenarioPlan(scenario)
        var processes = self.processes
        if processes.worker == nil && Self.hasProcessHop(scenario.steps) {
            do {
                processes.worker = try WorkerLocator.locate()
            } catch {
                var record = RunRecord()
                record.unsupported = error.description
                return record
            }
        }
        let capabilities = factory.capabilities
        let made = OneShot<Factory.Adapter>()
        let instanceCount = scenario.instances.count
        let outcome = OneShot<RunRecord>()
        let flushTimeout = self.flushTimeout
        // The execution exists before the adapter does, so a hang while making it can still be reported.
        let setup = PendingTasks()

        // Claimed once: by the run when it starts, or by the backstop below when it has not.
        let start = OneShot<Bool>()
        let executionBox = OneShot<ScenarioExecution<Factory.Adapter>>()
        @Sendable func reportHang(neverStarted: Bool) {
            // Claim the outcome before killing children: their deaths let the run go on and finish,
            // and that late, clean-looking ending must not be reported instead of the hang.
            guard outcome.claim() else { return }
            var record = RunRecord()
            record.capabilities = capabilities
            var pending = setup.snapshot()
            var killed: [ChildRegistry.Killed] = []
            var arrived: [ExportedSpan] = []
            if let execution = executionBox.peek() {
                pending += execution.pending.snapshot()
                killed = execution.children.killAll()
                _ = execution.children.waitUntilEmpty(timeout: .seconds(5))
                execution.log.fill(&record)
                arrived = execution.log.remoteSpans()
            }
            record.exported = (made.peek()?.exportedSpans() ?? []) + arrived
            record.hang = HangReport(
                deadlineMillis: scenario.deadlineMillis, pending: pending,
                killedProcesses: killed.map { "\($0.site) (pid \($0.pid))" },
                arrived: arrived.map(\.label).sorted(), neverStarted: neverStarted)
            outcome.deliver(record)
        }
        let deadline = DispatchTimeInterval.milliseconds(scenario.deadlineMillis)
        // The backstop: a run that has not started by its deadline never arms its own watchdog.
        // Both timers capture the whole run; cancelled, they let go of it at once (see ``Watchdog``).
        let backstop = Watchdog(after: deadline) { if start.claim() { reportHang(neverStarted: true) } }
        Task.detached {
            guard start.claim() else { return }
            backstop.cancel()
            // The deadline counts from when the run starts, not from when it was asked for: a run
            // queued behind other work (a test suite starting, child processes starting) has not hung.
            let watchdog = Watchdog(after: deadline) { reportHang(neverStarted: false) }
            let making = setup.begin("making the tracer adapter")
            let adapter = await factory.makeAdapter(instances: scenario.instances, seed: seed)
            made.deliver(adapter)
            setup.end(making)
            let execution = ScenarioExecution(
                adapter: adapter, seed: seed, flushTimeout: flushTimeout, instances: scenario.instances,
                processes: processes)
            executionBox.deliver(execution)
            await execution.runAsync(plan.steps, site: "top")
            await execution.pending.waitUntilIdle()
            execution.shutdownRetainedExecutors()
            for instance in 0..<instanceCount { await execution.flush(instance: instance, final: true) }
            execution.children.killAll()
            var record = RunRecord()
            record.capabilities = capabilities
            execution.log.fill(&record)
            record.exported = adapter.exportedSpans() + execution.log.remoteSpans()
            record.dropped = (0..<instanceCount).map {
                adapter.droppedSpans(instance: $0) + execution.log.remoteDropped(instance: $0)
            }
            let closing = setup.begin("shutting down and tearing down the tracer adapter")
            for instance in 0..<instanceCount { _ = await adapter.shutdown(instance: instance, timeout: .seconds(1)) }
            await adapter.tearDown()
            setup.end(closing)
            watchdog.cancel()
            if outcome.claim() { outcome.deliver(record) }
        }
        return await outcome.value()
    }

    /// The first executor, however deeply nested, that only a language driver runs.
    static func driverOnlyExecutor(_ steps: [Step]) -> ExecutorKind? {
        for step in steps {
            switch step {
            case .span(let span):
                if let kind = driverOnlyExecutor(span.children) { return kind }
            case .hop(let hop):
                if ExecutorKind.driverOnly.contains(hop.executor) { return hop.executor }
                for task in hop.tasks {
                    if let kind = driverOnlyExecutor(task) { return kind }
                }
            default: break
            }
        }
        return nil
    }

    /// Whether any hop, however deeply nested, runs in child processes.
    static func hasProcessHop(_ steps: [Step]) -> Bool {
        steps.contains { step in
            switch step {
            case .span(let span): hasProcessHop(span.children)
            case .hop(let hop): hop.executor == .process || hop.tasks.contains(where: hasProcessHop)
            default: false
            }
        }
    }
}

/// A value delivered once, by whichever of several racers comes (or claims) first, and awaited once.
final class OneShot<Value: Sendable>: Sendable {
    private let state = StateLock(State())

    private struct State {
        var value: Value?
        var waiter: CheckedContinuation<Value, Never>?
        var claimed = false
    }

    /// Claims the right to deliver: `true` for the first caller only. A racer that may take a while to
    /// build its value claims first, so a faster racer cannot deliver in the meantime.
    func claim() -> Bool {
        state.withLock { state in
            defer { state.claimed = true }
            return !state.claimed
        }
    }

    /// Delivers the value if none was delivered yet; later deliveries are ignored.
    func deliver(_ value: Value) {
        let waiter: CheckedContinuation<Value, Never>? = state.withLock { state in
            guard state.value == nil else { return nil }
            state.value = value
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: value)
    }

    /// The value, if one was delivered; never waits.
    func peek() -> Value? { state.withLock { $0.value } }

    /// Suspends until a value is delivered.
    func value() async -> Value {
        await withCheckedContinuation { continuation in
            let ready: Value? = state.withLock { state in
                if let value = state.value { return value }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
