import Dispatch
import Foundation
import Testing
import TraceFuzz

/// A run that cannot start is reported, not waited for: when every thread of Swift's cooperative pool is
/// held (as stuck tasks of abandoned runs can hold them), the run's deadline passes without the run
/// having started, and `RealRuntime` returns a hang saying so.
///
/// Serialized and alone in its suite: for about a second it holds every cooperative thread of the test
/// process. The blockers hold their threads until a fixed moment, not for a fixed time, so blockers that
/// start late (once earlier ones let go) return at once.
@Suite("RealRuntime: a run that cannot start", .serialized)
struct RunStartBackstopTests {
    @Test("a run whose deadline passes before any cooperative thread is free is a hang that says so")
    func neverStarted() async {
        let deadlineMillis = 300
        let releaseAt = DispatchTime.now() + .milliseconds(deadlineMillis + 700)
        let release = DispatchSemaphore(value: 0)
        // More blockers than the pool has threads (one per processor on Linux), so none is left over.
        let blockers = (0..<(ProcessInfo.processInfo.activeProcessorCount * 2 + 2)).map { _ in
            Task.detached { _ = release.wait(timeout: releaseAt) }
        }
        let scenario = Scenario(steps: [span("never-runs")], deadlineMillis: deadlineMillis)
        let record = await RealRuntime().run(scenario, factory: TraceCoreAdapterFactory(), seed: 1)
        for _ in blockers { release.signal() }
        for blocker in blockers { await blocker.value }
        #expect(record.hang?.neverStarted == true, "\(String(describing: record.hang))")
        let result = Checker(invariants: [DeadlineInvariant()]).check(scenario, record: record)
        let message = result.violations.first?.message
        #expect(message?.hasPrefix("did not start within 300 ms") == true, "\(message ?? "no violation")")
    }
}
