/// A way of misusing the attach/detach token API, as counted by ``ContextDiagnostics``.
///
/// None of these crash or throw. Each leaves the thread's attached-context stack in a defined state:
///
/// | kind | what happened | what it does to the stack |
/// |---|---|---|
/// | ``outOfOrder`` | a token detached while later tokens are still attached | removes only that entry; the later entries stay, so the current context does not change until they are detached |
/// | ``alreadyDetached`` | a token detached again (or after a traced executor cleared it) | nothing |
/// | ``wrongThread`` | a token detached on a thread other than the one that attached it | nothing; the entry stays on its own thread until detached there or cleared by a traced executor |
/// | ``leftAttached`` | a task on a traced executor returned with a token still attached | the executor removes the entry, so the next task on that thread starts clean |
public enum ContextMisuse: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// A token was detached while tokens attached after it were still attached.
    case outOfOrder
    /// A token was detached that is no longer attached: detached before, or cleared by an executor.
    case alreadyDetached
    /// A token was detached on a thread other than the one that attached it.
    case wrongThread
    /// A task on a traced executor finished with a context still attached; the executor cleared it.
    case leftAttached

    /// The kind's name, for messages.
    public var description: String { rawValue }
}
