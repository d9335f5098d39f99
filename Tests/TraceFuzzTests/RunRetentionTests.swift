import Dispatch
import Synchronization
import Testing
import TraceCore
@testable import TraceFuzz

/// A finished run keeps nothing of itself alive: its adapter, exporters and spans are freed when
/// `RealRuntime.run` returns, not when its deadline (ten seconds by default) passes. A fuzz loop runs
/// hundreds of scenarios a second, so every second a run outlives itself costs megabytes.
@Suite("RealRuntime: a finished run lets go of its state")
struct RunRetentionTests {
    @Test("the exporters of finished runs are freed although their deadlines have not passed")
    func finishedRunsAreFreed() async {
        let factory = WatchedFactory()
        let scenario = Scenario(steps: [
            span("root", hop(.pool, .carrier, [span("pooled")]), hop(.task, .shared, [span("tasked")]))
        ])
        #expect(scenario.deadlineMillis >= 10_000)
        let runs = 20
        for seed in 1...runs {
            let record = await RealRuntime().run(scenario, factory: factory, seed: UInt64(seed))
            #expect(record.hang == nil)
        }
        #expect(factory.made == runs)
        // The run's own task may still be unwinding when `run` returns: give it a moment, far less
        // than the deadline that kept every run alive before.
        let live = await factory.liveExporters(waitingUpTo: .seconds(5))
        #expect(live == 0, "\(live) exporters of \(runs) finished runs are still alive")
    }

    @Test("a cancelled watchdog never fires and lets go of what its handler captured")
    func cancelledWatchdogReleasesHandler() async {
        let fired = Atomic<Int>(0)
        var captured: Probe? = Probe()
        weak let watched = captured
        let watchdog = Watchdog(after: .milliseconds(100)) { [captured] in
            _ = captured
            fired.add(1, ordering: .relaxed)
        }
        captured = nil
        #expect(watched != nil, "the armed watchdog holds its handler")
        watchdog.cancel()
        let released = await eventually(within: .seconds(2)) { watched == nil }
        #expect(released, "the cancelled watchdog still holds its handler")
        try? await Task.sleep(for: .milliseconds(200))
        #expect(fired.load(ordering: .relaxed) == 0)
    }

    @Test("a watchdog that is not cancelled fires once")
    func watchdogFires() async {
        let fired = Atomic<Int>(0)
        let watchdog = Watchdog(after: .milliseconds(10)) { fired.add(1, ordering: .relaxed) }
        let didFire = await eventually(within: .seconds(5)) { fired.load(ordering: .relaxed) > 0 }
        #expect(didFire)
        try? await Task.sleep(for: .milliseconds(50))
        #expect(fired.load(ordering: .relaxed) == 1)
        watchdog.cancel()
    }
}

/// An object to watch through a weak reference.
private final class Probe: Sendable {}

/// Whether `condition` holds within `limit`, looking every few milliseconds.
private func eventually(within limit: Duration, _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let end = clock.now + limit
    while !condition() {
        if clock.now >= end { return false }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return true
}

/// Makes TraceCore adapters and keeps weak references to their exporters, to see which are still alive.
private final class WatchedFactory: TracerAdapterFactory {
    private struct WeakExporter: @unchecked Sendable {
        weak var exporter: InMemorySpanExporter?
    }

    private let exporters = Mutex<[WeakExporter]>([])
    private let count = Atomic<Int>(0)

    var name: String { "TraceCore (watched)" }
    var capabilities: TracerCapabilities { .all }

    /// Adapters made so far.
    var made: Int { count.load(ordering: .relaxed) }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> TraceCoreAdapter {
        let adapter = TraceCoreAdapter(instances: instances, seed: seed)
        count.add(1, ordering: .relaxed)
        exporters.withLock { $0 += adapter.exporters.map { WeakExporter(exporter: $0) } }
        return adapter
    }

    /// How many exporters are still alive once they all are freed or `limit` has passed.
    func liveExporters(waitingUpTo limit: Duration) async -> Int {
        func live() -> Int { exporters.withLock { $0.count { $0.exporter != nil } } }
        _ = await eventually(within: limit) { live() == 0 }
        return live()
    }
}
