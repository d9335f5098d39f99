import Synchronization

/// Counts misuses of the attach/detach token API, by kind: what the harness reads to find them.
///
/// Misuse never crashes and is never silent: every ``ContextMisuse`` is counted here.
///
/// ```swift
/// let before = ContextDiagnostics.shared.snapshot()
/// let token = TraceContext.attach(span.context)
/// TraceContext.detach(token)
/// TraceContext.detach(token)  // counted as .alreadyDetached
/// ContextDiagnostics.shared.snapshot().count(of: .alreadyDetached) - before.count(of: .alreadyDetached)  // 1
/// ```
public final class ContextDiagnostics: Sendable {
    /// The process-wide counters that ``TraceContext`` and the traced executors report to.
    public static let shared = ContextDiagnostics()

    private let counts = StateLock([ContextMisuse: Int]())

    /// Creates zeroed counters.
    public init() {}

    /// Counts `count` misuses of one kind.
    public func record(_ misuse: ContextMisuse, count: Int = 1) {
        guard count > 0 else { return }
        counts.withLock { $0[misuse, default: 0] += count }
    }

    /// The counts so far.
    public func snapshot() -> Snapshot { Snapshot(counts: counts.withLock { $0 }) }

    /// Sets every count back to zero.
    public func reset() { counts.withLock { $0.removeAll() } }

    /// Misuse counts at one moment.
    public struct Snapshot: Hashable, Sendable, CustomStringConvertible {
        /// The count for each kind seen at least once.
        public let counts: [ContextMisuse: Int]

        /// Creates a snapshot from counts.
        public init(counts: [ContextMisuse: Int] = [:]) { self.counts = counts }

        /// The count for one kind (zero if never seen).
        public func count(of misuse: ContextMisuse) -> Int { counts[misuse, default: 0] }

        /// The sum over every kind.
        public var total: Int { counts.values.reduce(0, +) }

        /// The counts recorded since `earlier`.
        public func since(_ earlier: Snapshot) -> Snapshot {
            var delta: [ContextMisuse: Int] = [:]
            for kind in ContextMisuse.allCases {
                let difference = count(of: kind) - earlier.count(of: kind)
                if difference != 0 { delta[kind] = difference }
            }
            return Snapshot(counts: delta)
        }

        /// `kind=count` pairs in declaration order, for messages.
        public var description: String {
            ContextMisuse.allCases.map { "\($0)=\(count(of: $0))" }.joined(separator: " ")
        }
    }
}
