/// `--shard i/n`: shard `i` of `n` (counting from 0) takes seeds `S+i, S+i+n, S+i+2n, …` of a run from
/// seed `S`, so `n` machines started with the same `--seed` cover disjoint seeds.
///
/// ```swift
/// let shard = Shard(parsing: "2/4")!   // index 2, count 4
/// shard.firstSeed(from: 100)           // 102; then 106, 110, …
/// ```
struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// This shard's index, `0..<count`.
    var index: Int
    /// How many shards there are.
    var count: Int

    /// The whole seed space: shard 0 of 1.
    static let whole = Shard(index: 0, count: 1)

    /// A shard.
    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `i/n` with `0 <= i < n`; `nil` if malformed or out of range.
    init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, index >= 0,
            index < count
        else { return nil }
        self.init(index: index, count: count)
    }

    /// The first seed this shard runs, for a run from `seed`.
    func firstSeed(from seed: UInt64) -> UInt64 { seed &+ UInt64(index) }

    /// The distance between this shard's consecutive seeds.
    var stride: UInt64 { UInt64(count) }

    /// `i/n`.
    var description: String { "\(index)/\(count)" }
}
