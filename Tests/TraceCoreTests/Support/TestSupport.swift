import Dispatch
import Foundation
import Synchronization
import Testing
import TraceCore

/// A value behind a lock that tests share between threads.
///
/// `NSLock` (a pthread mutex) rather than `Mutex`: ThreadSanitizer sees pthread hand-offs directly.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&stored)
    }

    var value: Value { withLock { $0 } }
}

/// A provider with one simple processor and an in-memory exporter, seeded for repeatable IDs.
func makeTracing(
    seed: UInt64 = 1, resource: Resource = Resource()
) -> (provider: TracerProvider, exporter: InMemorySpanExporter) {
    let exporter = InMemorySpanExporter()
    let provider = TracerProvider(
        resource: resource, processors: [SimpleSpanProcessor(exporter: exporter)],
        idGenerator: CounterIDGenerator(seed: seed))
    return (provider, exporter)
}

/// Runs `body(index)` on `count` fresh threads at once and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchSemaphore(value: 0)
    for index in 0..<count {
        Thread.detachNewThread {
            body(index)
            done.signal()
        }
    }
    for _ in 0..<count { done.wait() }
}

/// Runs `body` on a fresh thread and waits for its result.
func onNewThread<R: Sendable>(_ body: @escaping @Sendable () -> R) -> R {
    let result = Locked<R?>(nil)
    onThreads(1) { _ in
        let value = body()
        result.withLock { $0 = value }
    }
    return result.value!
}

/// Waits for `group` without blocking the awaiting task's thread.
func waitAsync(_ group: DispatchGroup) async {
    await withCheckedContinuation { continuation in
        group.notify(queue: .global()) { continuation.resume() }
    }
}

/// A gate that blocks threads until it is opened.
final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let waiters: Int

    init(waiters: Int = 1) { self.waiters = waiters }

    func wait() { semaphore.wait() }

    func open() { for _ in 0..<waiters { semaphore.signal() } }
}

extension Array where Element == SpanData {
    /// The exported span with `name`; fails the caller's expectation if there is not exactly one.
    func named(_ name: String) -> SpanData? {
        let matches = filter { $0.name == name }
        return matches.count == 1 ? matches[0] : nil
    }
}

/// Tests that read or change the process-wide ``ContextDiagnostics`` run one at a time, in this suite.
@Suite(.serialized) struct ContextDiagnosticsDependentTests {}
