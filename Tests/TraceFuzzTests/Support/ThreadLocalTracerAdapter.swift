import Foundation
import Synchronization
import TraceFuzz

/// A tiny tracer that keeps the current span in a thread-local, as many real tracers do, with an optional
/// planted bug: restoring a captured context does not put back what was there before, so the context
/// stays on the pooled thread after the task (pooled-thread-leak).
final class ThreadLocalTracerAdapter: TracerAdapter {
    /// One slot per adapter: a context one adapter leaves on a shared thread must not reach another's.
    private let key = "tracefuzz.test.current.\(UInt64.random(in: 0...UInt64.max))"
    private let forgetsToRestore: Bool
    private let nextID = Atomic<UInt64>(0)
    private let spans = Mutex<[ExportedSpan]>([])

    init(forgetsToRestore: Bool) { self.forgetsToRestore = forgetsToRestore }

    /// The thread-local slot.
    private final class Slot: @unchecked Sendable {
        var identity: SpanIdentity?
    }

    private var slot: Slot {
        let dictionary = Thread.current.threadDictionary
        if let slot = dictionary[key] as? Slot { return slot }
        let slot = Slot()
        dictionary[key] = slot
        return slot
    }

    private func newID() -> String {
        String(nextID.add(1, ordering: .relaxed).newValue, radix: 16)
    }

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        let slot = self.slot
        let parent = slot.identity
        let identity = SpanIdentity(traceID: parent?.traceID ?? "t" + newID(), spanID: newID())
        slot.identity = identity
        body()
        self.slot.identity = parent
        spans.withLock {
            $0.append(
                ExportedSpan(
                    label: label, identity: identity, parentSpanID: parent?.spanID, exportedBy: instance,
                    sessionInstance: instance))
        }
    }

    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        let parent = slot.identity
        let identity = SpanIdentity(traceID: parent?.traceID ?? "t" + newID(), spanID: newID())
        slot.identity = identity
        await body()
        slot.identity = parent
        spans.withLock {
            $0.append(
                ExportedSpan(
                    label: label, identity: identity, parentSpanID: parent?.spanID, exportedBy: instance,
                    sessionInstance: instance))
        }
    }

    func currentSpan() -> SpanIdentity? { slot.identity }

    func capture() -> SpanIdentity? { slot.identity }

    func withRestored(_ context: SpanIdentity?, _ body: () -> Void) {
        let slot = self.slot
        let previous = slot.identity
        slot.identity = context
        body()
        if !forgetsToRestore { slot.identity = previous }
    }

    func withRestored(_ context: SpanIdentity?, _ body: () async -> Void) async {
        let previous = slot.identity
        slot.identity = context
        await body()
        if !forgetsToRestore { slot.identity = previous }
    }

    func inject() -> [String: String] {
        guard let identity = slot.identity else { return [:] }
        return ["x-trace": identity.traceID + "/" + identity.spanID]
    }

    private func extract(_ headers: [String: String]) -> SpanIdentity? {
        guard let parts = headers["x-trace"]?.split(separator: "/"), parts.count == 2 else { return nil }
        return SpanIdentity(traceID: String(parts[0]), spanID: String(parts[1]))
    }

    func withExtracted(_ headers: [String: String], _ body: () -> Void) { withRestored(extract(headers), body) }

    func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await withRestored(extract(headers), body)
    }

    func flush(instance: Int, timeout: Duration) -> FlushOutcome { .success }
    func shutdown(instance: Int, timeout: Duration) -> FlushOutcome { .success }
    func exportedSpans() -> [ExportedSpan] { spans.withLock { $0 } }
    func droppedSpans(instance: Int) -> Int { 0 }
}

/// Makes ``ThreadLocalTracerAdapter``s.
struct ThreadLocalTracerFactory: TracerAdapterFactory {
    let forgetsToRestore: Bool

    var name: String { forgetsToRestore ? "thread-local tracer that forgets to restore" : "thread-local tracer" }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> ThreadLocalTracerAdapter {
        ThreadLocalTracerAdapter(forgetsToRestore: forgetsToRestore)
    }
}
