import Foundation
import Synchronization
import TraceCore
import TraceFuzz

/// TraceCore with one ``PlantedBug``: everything else behaves correctly.
///
/// These bugs make each invariant fire with a known, repeatable message. The catalog's bugs
/// (BUG-CATALOG.md), each modelled on its real mechanism, are the mutants of `TraceFuzzMutants`.
struct PlantedAdapter: TracerAdapter {
    let base: TraceCoreAdapter
    let bug: PlantedBug
    let instanceCount: Int
    let shutDown = ShutDownInstances()

    /// The instances shut down so far.
    final class ShutDownInstances: Sendable {
        private let instances = StateLock<Set<Int>>([])
        func insert(_ instance: Int) { instances.withLock { _ = $0.insert(instance) } }
        var all: Set<Int> { instances.withLock { $0 } }
    }

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        if bug == .blocksOnStuckSpan && label == "stuck" { Thread.sleep(forTimeInterval: 20.0) }
        if bug == .droppedSpanHandsOutEmptyContext && label.hasPrefix("dropped") {
            base.withRestored(nil, body)
            return
        }
        base.withSpan(label, instance: instance, body)
    }

    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        if bug == .blocksOnStuckSpan && label == "stuck" { try? await Task.sleep(for: .seconds(20)) }
        if bug == .droppedSpanHandsOutEmptyContext && label.hasPrefix("dropped") {
            await base.withRestored(nil, body)
            return
        }
        await base.withSpan(label, instance: instance, body)
    }

    func currentSpan() -> SpanIdentity? { base.currentSpan() }

    func capture() -> SpanContext? { base.capture() }

    func withRestored(_ captured: SpanContext?, _ body: () -> Void) {
        base.withRestored(bug == .restoreIgnoresContext ? nil : captured, body)
    }

    func withRestored(_ captured: SpanContext?, _ body: () async -> Void) async {
        await base.withRestored(bug == .restoreIgnoresContext ? nil : captured, body)
    }

    func inject() -> [String: String] { base.inject() }
    func withExtracted(_ headers: [String: String], _ body: () -> Void) { base.withExtracted(headers, body) }
    func withExtracted(_ headers: [String: String], _ body: () async -> Void) async {
        await base.withExtracted(headers, body)
    }

    func flush(instance: Int, timeout: Duration) async -> FlushOutcome {
        let outcome = await base.flush(instance: instance, timeout: timeout)
        return bug == .flushAlwaysFails ? .failure : outcome
    }
    func shutdown(instance: Int, timeout: Duration) async -> FlushOutcome {
        shutDown.insert(instance)
        return await base.shutdown(instance: instance, timeout: timeout)
    }

    func droppedSpans(instance: Int) -> Int {
        base.droppedSpans(instance: instance) + (bug == .overcountsDrops ? 1 : 0)
            + (bug == .droppedSpanHandsOutEmptyContext && instance == 0 ? 1 : 0)
    }

    func propagatingExecutor(width: Int) -> (any WorkExecutor)? { base.propagatingExecutor(width: width) }

    func exportedSpans() -> [ExportedSpan] {
        var spans = base.exportedSpans()
        switch bug {
        case .childInOtherTrace:
            for index in spans.indices where spans[index].parentSpanID != nil {
                spans[index].identity.traceID = String(repeating: "f", count: 31) + String(index % 10)
            }
        case .rootsShareTrace:
            for index in spans.indices where spans[index].parentSpanID == nil {
                spans[index].identity.traceID = String(repeating: "a", count: 32)
            }
        case .hidesNewestSpan:
            if !spans.isEmpty { spans.removeLast() }
        case .exportsTwice:
            if let first = spans.first { spans.append(first) }
        case .exportedByOtherInstance:
            for index in spans.indices {
                spans[index].exportedBy = (spans[index].exportedBy + 1) % instanceCount
            }
        case .losesSession:
            for index in spans.indices { spans[index].sessionInstance = nil }
        case .shutdownLosesLastSpan:
            let closed = shutDown.all
            if let last = spans.lastIndex(where: { closed.contains($0.exportedBy) }) {
                spans.remove(at: last)
            }
        default:
            break
        }
        return spans
    }
}

/// Makes ``PlantedAdapter``s with one bug.
struct PlantedAdapterFactory: TracerAdapterFactory {
    let bug: PlantedBug

    var name: String { "TraceCore with \(bug.rawValue)" }
    var capabilities: TracerCapabilities { .all }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> PlantedAdapter {
        PlantedAdapter(
            base: TraceCoreAdapter(instances: instances, seed: seed), bug: bug, instanceCount: instances.count
        )
    }
}
