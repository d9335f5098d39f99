import Dispatch
import Synchronization

/// The pending result of one task submitted to a ``ThreadPool`` or ``TracedThreadPool``.
///
/// Wait for it synchronously with ``wait()`` (from a thread you own), or await ``value`` from async
/// code: awaiting suspends the task and never blocks a cooperative thread.
///
/// ```swift
/// let handle = pool.submit { 6 * 7 }
/// let answer = try handle.wait()        // blocks this thread
/// let same = try await handle.value     // suspends this task
/// ```
///
/// Its methods are inlinable so that they specialise for `Value` in the caller's module: an
/// unspecialised generic class looks up type metadata on every call.
public final class WorkHandle<Value: Sendable>: Sendable {
    @usableFromInline let state: StateLock<State>

    @usableFromInline
    struct State {
        @usableFromInline var result: Result<Value, any Error>?
        @usableFromInline var blockedWaiters: [DispatchSemaphore] = []
        @usableFromInline var suspendedWaiters: [CheckedContinuation<Value, any Error>] = []

        @inlinable init(result: Result<Value, any Error>? = nil) { self.result = result }
    }

    @inlinable
    init() { state = StateLock(State()) }

    @inlinable
    init(result: Result<Value, any Error>) { state = StateLock(State(result: result)) }

    /// Whether the task has finished (or was rejected).
    @inlinable
    public var isCompleted: Bool { state.withLock { $0.result != nil } }

    /// Blocks the calling thread until the task finishes; returns its value or rethrows its error
    /// (``ThreadPoolError/rejected`` if it never ran).
    ///
    /// Do not call this on a cooperative thread (inside a Swift task); await ``value`` there.
    @inlinable
    public func wait() throws -> Value {
        try waitForResult(deadline: .distantFuture)!.get()
    }

    /// Blocks until the task finishes or `timeout` passes; returns `nil` on timeout.
    @inlinable
    public func result(timeout: Duration) -> Result<Value, any Error>? {
        waitForResult(deadline: .after(timeout))
    }

    /// The task's value, awaited without blocking a thread; rethrows the task's error.
    @inlinable
    public var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                let result: Result<Value, any Error>? = state.withLock { state in
                    if let result = state.result { return result }
                    state.suspendedWaiters.append(continuation)
                    return nil
                }
                if let result { continuation.resume(with: result) }
            }
        }
    }

    /// Records the result and wakes every waiter. Only the first call has an effect.
    @inlinable
    func complete(_ result: Result<Value, any Error>) {
        let waiters = state.withLock {
            state -> ([DispatchSemaphore], [CheckedContinuation<Value, any Error>])? in
            guard state.result == nil else { return nil }
            state.result = result
            defer {
                state.blockedWaiters = []
                state.suspendedWaiters = []
            }
            return (state.blockedWaiters, state.suspendedWaiters)
        }
        guard let (blocked, suspended) = waiters else { return }
        for semaphore in blocked { semaphore.signal() }
        for continuation in suspended { continuation.resume(with: result) }
    }

    @inlinable
    func waitForResult(deadline: DispatchTime) -> Result<Value, any Error>? {
        let pending: Either = state.withLock { state in
            if let result = state.result { return .done(result) }
            let semaphore = DispatchSemaphore(value: 0)
            state.blockedWaiters.append(semaphore)
            return .waiting(semaphore)
        }
        guard case .waiting(let semaphore) = pending else {
            if case .done(let result) = pending { return result }
            return nil
        }
        if semaphore.wait(timeout: deadline) == .success { return state.withLock { $0.result } }
        return state.withLock { state in
            state.blockedWaiters.removeAll { $0 === semaphore }
            return state.result
        }
    }

    @usableFromInline
    enum Either {
        case done(Result<Value, any Error>)
        case waiting(DispatchSemaphore)
    }
}
