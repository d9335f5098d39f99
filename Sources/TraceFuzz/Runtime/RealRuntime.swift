import Dispatch
import Synchronization
import TraceCore

/// Runs scenarios on real threads, Dispatch queues, operation queues and Swift tasks, with seeded
/// jitter, under a deadline enforced by a watchdog.
///
/// A run that does not finish before ``Scenario/deadlineMillis`` returns at once with a
/// ``HangReport`` naming the tasks still pending; its stuck threads are abandoned, never waited for.
public struct RealRuntime: ScenarioRuntime {
    /// How long each flush may take before it reports a timeout.
    public var flushTimeout: Duration

    /// Creates a real runtime.
    public init(flushTimeout: Duration = .seconds(5)) {
        self.flushTimeout = flushTimeout
    }

    /// Runs `scenario` once against a fresh adapter from `factory`.
    public func run<Factory: TracerAdapterFactory>(
        _ scenario: Scenario, factory: Factory, seed: UInt64
    ) async -> RunRecord {
        let adapter = factory.makeAdapter(instances: scenario.instances, seed: seed)
        let plan = ScenarioPlan(scenario)
        let execution = ScenarioExecution(adapter: adapter, seed: seed, flushTimeout: flushTimeout)
        let instanceCount = scenario.instances.count
        let outcome = OneShot<RunRecord>()

        let watchdog = DispatchWorkItem {
            var record = RunRecord()
            execution.log.fill(&record)
            record.hang = HangReport(deadlineMillis: scenario.deadlineMillis, pending: execution.pending.snapshot())
            outcome.deliver(record)
        }
        DispatchQueue.global().asyncAfter(
            deadline: .now() + .milliseconds(scenario.deadlineMillis), execute: watchdog)

        Task.detached {
            await execution.runAsync(plan.steps, site: "top")
            await execution.pending.waitUntilIdle()
            execution.shutdownRetainedExecutors()
            for instance in 0..<instanceCount { execution.flush(instance: instance, final: true) }
            var record = RunRecord()
            execution.log.fill(&record)
            record.exported = adapter.exportedSpans()
            record.dropped = (0..<instanceCount).map { adapter.droppedSpans(instance: $0) }
            for instance in 0..<instanceCount { _ = adapter.shutdown(instance: instance, timeout: .seconds(1)) }
            watchdog.cancel()
            outcome.deliver(record)
        }
        return await outcome.value()
    }
}

/// A value delivered once, by whichever of several racers comes first, and awaited once.
final class OneShot<Value: Sendable>: Sendable {
    private let state = StateLock(State())

    private struct State {
        var value: Value?
        var waiter: CheckedContinuation<Value, Never>?
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
