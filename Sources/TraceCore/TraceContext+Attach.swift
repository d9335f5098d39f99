extension TraceContext {
    /// Makes `context` current on this thread until ``detach(_:)``: for callback-style code that
    /// starts work in one callback and finishes it in another, where `withContext` cannot wrap both.
    ///
    /// Attached contexts live on a per-thread stack. ``current`` returns whichever is more recent:
    /// the innermost attached context or the task-local binding. Attach from code running on a thread
    /// you control (a callback, a pool worker), not across `await`: after a suspension the task may
    /// resume on another thread, and the detach is then counted as ``ContextMisuse/wrongThread``.
    ///
    /// ```swift
    /// let token = TraceContext.attach(span.context)
    /// onComplete {  // later, same thread
    ///     TraceContext.detach(token)
    /// }
    /// ```
    public static func attach(_ context: SpanContext?) -> ContextToken {
        let stack = ThreadContextStack.current
        let ticket = nextAttachTicket()
        stack.push(ThreadContextStack.Entry(context: context, ticket: ticket))
        return ContextToken(threadID: stack.id, ticket: ticket)
    }

    /// Undoes the ``attach(_:)`` that returned `token`.
    ///
    /// Misuse is never fatal: it is counted in ``ContextDiagnostics/shared`` and returned. See
    /// ``ContextMisuse`` for what each kind does to the stack.
    ///
    /// - Returns: `nil` for a correct detach (the token was the innermost on this thread), or the misuse.
    @discardableResult
    public static func detach(_ token: ContextToken) -> ContextMisuse? {
        let misuse = detachReportingMisuse(token)
        if let misuse { ContextDiagnostics.shared.record(misuse) }
        return misuse
    }

    /// How many contexts are attached on this thread and not yet detached.
    public static var attachedCount: Int { ThreadContextStack.currentIfPresent?.entries.count ?? 0 }

    private static func detachReportingMisuse(_ token: ContextToken) -> ContextMisuse? {
        guard let stack = ThreadContextStack.currentIfPresent, stack.id == token.threadID else {
            return .wrongThread
        }
        guard let index = stack.entries.lastIndex(where: { $0.ticket == token.ticket }) else {
            return .alreadyDetached
        }
        let wasInnermost = index == stack.entries.count - 1
        stack.remove(at: index)
        return wasInnermost ? nil : .outOfOrder
    }
}
