/// Proof of one ``TraceContext/attach(_:)``: pass it to ``TraceContext/detach(_:)`` exactly once,
/// on the same thread.
public struct ContextToken: Hashable, Sendable, CustomStringConvertible {
    /// The attaching thread's stack, unique for the life of the process.
    let threadID: UInt64
    /// The attach's ticket: unique, and larger than every earlier binding's.
    let ticket: UInt64

    /// `thread/ticket`, for messages.
    public var description: String { "ContextToken(thread: \(threadID), ticket: \(ticket))" }
}
