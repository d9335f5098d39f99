import TraceCore
import TraceFuzz

/// dropped-span-breaks-trace: the tracer drops some spans (a sampler keeps about three in four child
/// spans) and counts each drop, but a dropped span hands out an empty context instead of one that
/// keeps the trace: its children start new traces.
struct DroppedSpanBreaksTraceAdapter: ValueCaptureForwarding {
    let core: MutantCore
    /// The seed the sampler's decisions derive from.
    let seed: UInt64
    /// Spans dropped by the sampler, by instance.
    let drops: DropCounts

    /// Per-instance drop counters.
    final class DropCounts: Sendable {
        private let counts: StateLock<[Int: Int]> = StateLock([:])

        func add(instance: Int) { counts.withLock { $0[instance, default: 0] += 1 } }

        func count(instance: Int) -> Int { counts.withLock { $0[instance, default: 0] } }
    }

    /// The context a dropped span hands out: all-zero IDs, which every tracer reads as "no parent".
    static let empty = SpanContext(traceID: .invalid, spanID: .invalid)

    /// Whether the sampler drops the span `label`: child spans only, about one in four, decided by a
    /// stable hash of the label and the seed.
    func samplerDrops(_ label: String) -> Bool {
        guard TraceContext.current?.isValid == true else { return false }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return SplitMix64.mix(hash ^ seed) % 4 == 0
    }

    func withSpan(_ label: String, instance: Int, _ body: () -> Void) {
        guard samplerDrops(label) else { return core.withSpan(label, instance: instance, body) }
        drops.add(instance: instance)
        TraceContext.withContext(Self.empty, body)
    }

    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async {
        guard samplerDrops(label) else { return await core.withSpan(label, instance: instance, body) }
        drops.add(instance: instance)
        await TraceContext.withContext(Self.empty, body)
    }

    func droppedSpans(instance: Int) -> Int {
        core.droppedSpans(instance: instance) + drops.count(instance: instance)
    }
}
