import Synchronization

/// A source of trace and span IDs. Inject one into a ``TracerProvider`` to make IDs predictable.
public protocol IDGenerator: Sendable {
    /// A new valid (non-zero) trace ID.
    func nextTraceID() -> TraceID
    /// A new valid (non-zero) span ID.
    func nextSpanID() -> SpanID
}

/// Unique IDs from an atomic counter passed through a bijective mixer (SplitMix64's finalizer).
///
/// Because the mixer is a bijection and the counter never repeats, no ID repeats for 2^64 draws,
/// whatever the number of threads drawing. With a seed, the sequence drawn in order is the same
/// every run; ``random()`` starts from system randomness.
public final class CounterIDGenerator: IDGenerator {
    private let counter: Atomic<UInt64>
    private let traceKey: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        counter = Atomic(SplitMix64.mix(seed))
        traceKey = SplitMix64.mix(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    /// A generator seeded from the system's random source.
    public static func random() -> CounterIDGenerator {
        CounterIDGenerator(seed: UInt64.random(in: .min ... .max))
    }

    /// A new trace ID: the low half is unique, the high half is keyed noise.
    public func nextTraceID() -> TraceID {
        let low = draw()
        return TraceID(high: SplitMix64.mix(low ^ traceKey) | 1, low: low)
    }

    /// A new span ID, unique for this generator.
    public func nextSpanID() -> SpanID { SpanID(draw()) }

    private func draw() -> UInt64 {
        while true {
            let value = SplitMix64.mix(counter.add(1, ordering: .relaxed).newValue)
            if value != 0 { return value }
        }
    }
}

/// SplitMix64: a tiny seeded generator and its bijective 64-bit mixer.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// The SplitMix64 finalizer: a bijection on `UInt64`.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
