import Synchronization

/// The current span context and the ways to move it between units of work.
///
/// The current context is a value held in a `@TaskLocal`. It flows into structured child tasks
/// (`async let`, task groups) and into `Task {}`, but not into `Task.detached`, Dispatch queues,
/// threads or thread pools: for those, capture it at submit and restore it in the worker.
///
/// ```swift
/// let captured = TraceContext.current
/// DispatchQueue.global().async {
///     TraceContext.withContext(captured) { tracer.withSpan("work") { _ in } }
/// }
/// ```
public enum TraceContext {
    /// A task-local binding: the context and the ticket that orders it against attached contexts.
    ///
    /// Bitwise-copyable on purpose: the task-local machinery copies values through their value
    /// witnesses, and for a plain-bits type that is a memcpy. A non-empty trace state, the one part
    /// that needs reference counting, lives in its own task-local, ``boundTraceState``, bound only when
    /// there is one.
    struct Binding: Sendable, BitwiseCopyable {
        private var traceHigh: UInt64 = 0
        private var traceLow: UInt64 = 0
        private var spanID: UInt64 = 0
        private var flags: UInt8 = 0
        private var isRemote = false
        private var kind = Kind.unbound
        /// Orders this binding against attached contexts (see ``bindingTicket()``).
        private(set) var ticket: UInt64 = 0

        private enum Kind: UInt8, BitwiseCopyable {
            /// No `withContext` encloses this code.
            case unbound
            /// Bound to "no context".
            case none
            /// Bound to a context with an empty trace state.
            case context
            /// Bound to a context whose trace state is in ``TraceContext/boundTraceState``.
            case contextWithTraceState
        }

        /// Outside every `withContext`.
        static let unbound = Binding()

        init() {}

        init(_ context: SpanContext?, ticket: UInt64) {
            self.ticket = ticket
            guard let context else {
                kind = .none
                return
            }
            traceHigh = context.traceID.high
            traceLow = context.traceID.low
            spanID = context.spanID.value
            flags = context.flags.rawValue
            isRemote = context.isRemote
            kind = context.traceState.isEmpty ? .context : .contextWithTraceState
        }

        /// Whether some `withContext` encloses this code.
        var isBound: Bool { kind != .unbound }

        /// Whether the trace state must be read from ``TraceContext/boundTraceState``.
        var hasTraceState: Bool { kind == .contextWithTraceState }

        /// The bound context, if any.
        var context: SpanContext? {
            switch kind {
            case .unbound, .none: return nil
            case .context, .contextWithTraceState:
                return SpanContext(
                    traceID: TraceID(high: traceHigh, low: traceLow), spanID: SpanID(spanID),
                    flags: TraceFlags(rawValue: flags),
                    traceState: kind == .context ? TraceState() : TraceContext.boundTraceState,
                    isRemote: isRemote)
            }
        }
    }

    @TaskLocal static var bound = Binding.unbound
    /// The trace state of the innermost binding, when it has one (see ``Binding``).
    @TaskLocal static var boundTraceState = TraceState()

    /// Counts attaches. An attach takes the next value; a binding records the value it sees, so an
    /// attach is more recent than a binding exactly when its ticket is larger. Bindings only read the
    /// counter, which keeps `withContext` (and `withSpan`) free of atomic read-modify-writes.
    private static let tickets = Atomic<UInt64>(0)

    /// A ticket for an attach: larger than the ticket of every binding made before it.
    static func nextAttachTicket() -> UInt64 { tickets.wrappingAdd(1, ordering: .relaxed).newValue }

    /// A ticket for a binding: not smaller than the ticket of any attach made before it.
    static func bindingTicket() -> UInt64 { tickets.load(ordering: .relaxed) }

    /// The span context that new spans will use as their parent, if any.
    ///
    /// This is the more recent of the task-local binding (``withContext(_:_:)``, `withSpan`) and
    /// the innermost context attached on this thread (``attach(_:)``).
    public static var current: SpanContext? {
        let binding = bound
        if let top = ThreadContextStack.top, !(binding.isBound && binding.ticket >= top.ticket) {
            return top.context
        }
        return binding.context
    }

    /// Runs `body` with `context` as the current context (or none, if `nil`).
    public static func withContext<R>(_ context: SpanContext?, _ body: () throws -> R) rethrows -> R {
        let binding = Binding(context, ticket: bindingTicket())
        guard binding.hasTraceState, let traceState = context?.traceState else {
            return try $bound.withValue(binding, operation: body)
        }
        return try $boundTraceState.withValue(traceState) { try $bound.withValue(binding, operation: body) }
    }

    /// Runs async `body` with `context` as the current context (or none, if `nil`).
    public static func withContext<R>(
        _ context: SpanContext?, isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> R
    ) async rethrows -> R {
        let binding = Binding(context, ticket: bindingTicket())
        guard binding.hasTraceState, let traceState = context?.traceState else {
            return try await $bound.withValue(binding, operation: body, isolation: isolation)
        }
        return try await $boundTraceState.withValue(
            traceState,
            operation: { try await $bound.withValue(binding, operation: body, isolation: isolation) },
            isolation: isolation)
    }
}
