import Synchronization

/// Numbers runs, so thread slots know whose value they hold.
enum RunIdentity {
    private static let counter = Atomic<UInt64>(0)

    /// A number no other run in this process has.
    static func next() -> UInt64 { counter.wrappingAdd(1, ordering: .relaxed).newValue }
}
