import TraceCore

/// The record of every choice a generator made, in order: the scenario's genotype.
///
/// Generation reads choices from a ``ChoiceSource``; replaying the same sequence gives the same
/// scenario, and shrinking edits the sequence (deletes and lowers choices) and regenerates, so every
/// shrunk scenario is one the generator could have made.
public struct ChoiceSequence: Hashable, Sendable, Codable {
    /// The choices, each the value drawn (always within the bound it was drawn under).
    public var values: [UInt64]

    /// Creates a sequence.
    public init(_ values: [UInt64] = []) { self.values = values }
}

/// Draws choices: replays a recorded prefix, then draws fresh ones from a seeded SplitMix64.
///
/// Past the end of a replayed prefix with no seed, every draw is 0, the simplest choice, which is
/// what makes deleting choices a way to shrink.
public struct ChoiceSource: Sendable {
    private var prefix: [UInt64]
    private var position = 0
    private var random: SplitMix64?
    /// Every choice drawn so far.
    public private(set) var recorded = ChoiceSequence()

    /// Draws fresh choices from `seed`.
    public init(seed: UInt64) {
        prefix = []
        random = SplitMix64(seed: seed)
    }

    /// Replays `sequence`; past its end, draws zeros.
    public init(replaying sequence: ChoiceSequence) {
        prefix = sequence.values
        random = nil
    }

    /// A choice in `0...upper`.
    public mutating func draw(upTo upper: UInt64) -> UInt64 {
        let value: UInt64
        if position < prefix.count {
            value = min(prefix[position], upper)
        } else if var generator = random {
            value = upper == .max ? generator.next() : generator.next() % (upper + 1)
            random = generator
        } else {
            value = 0
        }
        position += 1
        recorded.values.append(value)
        return value
    }

    /// An integer in `range`; lower choices give values nearer the lower bound.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(draw(upTo: UInt64(range.upperBound - range.lowerBound)))
    }

    /// `true` with about `percent`% probability; the zero choice is `false`.
    public mutating func chance(_ percent: Int) -> Bool {
        draw(upTo: 99) >= UInt64(100 - percent)
    }

    /// An index into `weights`, drawn in proportion to them; the zero choice is the first nonzero one.
    public mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0) { $0 + max($1, 0) }
        guard total > 0 else { return 0 }
        var pick = Int(draw(upTo: UInt64(total - 1)))
        for (index, weight) in weights.enumerated() where weight > 0 {
            if pick < weight { return index }
            pick -= weight
        }
        return weights.count - 1
    }
}
