import Synchronization
import TraceCore

/// The context manager of the thread-local mutants: TraceCore's model (a task-local binding, and a
/// per-thread stack of attached contexts; the more recent of the two is current), kept per run.
///
/// The mutants need a context manager they can break: restores that leave a context on the thread,
/// tokens detached stale, spans whose end clears the thread, context kept on the thread across
/// `await`. Breaking TraceCore's own process-wide stack would leave stale contexts on shared Dispatch
/// threads for every later run and every other test in the process; this one lives in
/// ``ThreadSlot``s tagged with the run, so what a mutant leaves behind stays in its own run.
struct ScopedContext: Sendable {
    /// A task-local binding: the context, its run, and the ticket that orders it against attachments.
    struct Binding: Sendable {
        var owner: UInt64
        var context: SpanContext?
        var ticket: UInt64
    }

    /// One attached context.
    struct Entry {
        var context: SpanContext?
        var ticket: UInt64
    }

    /// Proof of one ``attach(_:)``.
    struct Token: Hashable, Sendable {
        var thread: UInt64
        var ticket: UInt64
    }

    /// What one thread holds for one run.
    struct ThreadState {
        /// Unique per thread and run, for tokens.
        var thread = RunIdentity.next()
        /// Attached contexts, innermost last.
        var entries: [Entry] = []
        /// The token of the scope last opened on this thread (used by the stale-token mutant).
        var lastToken: Token?
        /// The scope forked for this thread by its first task (used by the scope-nesting mutant).
        var forkedScope: SpanContext??
    }

    @TaskLocal static var binding: Binding?
    static let threads = ThreadSlot<ThreadState>()
    private static let tickets = Atomic<UInt64>(0)

    /// The run whose contexts these are.
    let owner: UInt64

    private static func nextTicket() -> UInt64 { tickets.wrappingAdd(1, ordering: .relaxed).newValue }

    /// The more recent of this run's task-local binding and its innermost context attached on this thread.
    var current: SpanContext? {
        let binding = Self.binding.flatMap { $0.owner == owner ? $0 : nil }
        guard let top = Self.threads.get(owner: owner)?.entries.last else { return binding?.context }
        if let binding, binding.ticket > top.ticket { return binding.context }
        return top.context
    }

    /// Runs `body` with `context` bound as current for this task.
    func withContext(_ context: SpanContext?, _ body: () -> Void) {
        Self.$binding.withValue(
            Binding(owner: owner, context: context, ticket: Self.nextTicket()), operation: body)
    }

    /// Runs async `body` with `context` bound as current for this task.
    func withContext(_ context: SpanContext?, _ body: () async -> Void) async {
        await Self.$binding.withValue(
            Binding(owner: owner, context: context, ticket: Self.nextTicket()), operation: body)
    }

    /// Makes `context` current on this thread until detached.
    func attach(_ context: SpanContext?) -> Token {
        Self.threads.update(owner: owner, initial: ThreadState()) { state in
            let ticket = Self.nextTicket()
            state.entries.append(Entry(context: context, ticket: ticket))
            return Token(thread: state.thread, ticket: ticket)
        }
    }

    /// Removes the entry `token` attached, if it is on this thread; returns whether it was.
    /// A token from another thread, or one already detached, changes nothing.
    @discardableResult
    func detach(_ token: Token) -> Bool {
        Self.threads.update(owner: owner, initial: ThreadState()) { state in
            guard state.thread == token.thread,
                let index = state.entries.lastIndex(where: { $0.ticket == token.ticket })
            else { return false }
            state.entries.remove(at: index)
            return true
        }
    }

    /// How many contexts are attached on this thread.
    var depth: Int { Self.threads.get(owner: owner)?.entries.count ?? 0 }

    /// Removes the contexts attached on this thread past the first `depth`.
    func truncate(to depth: Int) {
        Self.threads.update(owner: owner, initial: ThreadState()) { state in
            if state.entries.count > depth { state.entries.removeLast(state.entries.count - depth) }
        }
    }

    /// Reads and changes this thread's state.
    func withThreadState<R>(_ body: (inout ThreadState) -> R) -> R {
        Self.threads.update(owner: owner, initial: ThreadState(), body)
    }
}
