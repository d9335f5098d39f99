import Synchronization
import TraceCore

/// A seeded stream of nonzero 64-bit words, shared by the closures of one `InMemoryTracer.IDGenerator`.
final class SeededIDStream: Sendable {
    private let generator: Mutex<SplitMix64>

    init(seed: UInt64) { generator = Mutex(SplitMix64(seed: seed)) }

    /// `words` draws, as 16 lowercase hex digits each.
    func hex(words: Int) -> String {
        var text = ""
        for _ in 0..<words {
            var word: UInt64 = 0
            while word == 0 { word = generator.withLock { $0.next() } }
            let digits = String(word, radix: 16)
            text += String(repeating: "0", count: 16 - digits.count) + digits
        }
        return text
    }
}
