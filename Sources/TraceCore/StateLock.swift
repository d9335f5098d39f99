import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `Mutex` around one state value, visible to ThreadSanitizer.
///
/// `Synchronization.Mutex` takes its contended path inside the (uninstrumented) runtime library, so
/// under contention ThreadSanitizer misses the hand-off between threads and reports the protected
/// state as racing. When the process runs under ThreadSanitizer, this wrapper tells it about the
/// hand-off (`__tsan_release` before unlocking, `__tsan_acquire` after locking); otherwise the two
/// hooks are `nil` and cost a predictable branch each.
///
/// Usable from inlinable code, so generic callers (``WorkHandle``) specialise in client modules; public so
/// that code built on TraceCore (the TraceFuzz engine among it) stays clean under
/// `swift test --sanitize=thread` too.
///
/// ```swift
/// final class Counter: Sendable {
///     private let count = StateLock(0)
///     func increment() { count.withLock { $0 += 1 } }
/// }
/// ```
public struct StateLock<State>: ~Copyable, Sendable {
    @usableFromInline let mutex: Mutex<State>

    /// Creates a lock around `state`.
    @inlinable
    public init(_ state: consuming sending State) { mutex = Mutex(state) }

    /// Runs `body` with exclusive access to the state. Never `await` or block for long inside.
    @inlinable
    public borrowing func withLock<Result, E: Error>(
        _ body: (inout sending State) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        guard let hooks = ThreadSanitizerHooks.installed else { return try mutex.withLock(body) }
        // The mutex's own address names the hand-off; it is taken before the state is touched.
        let address = withUnsafePointer(to: mutex) { UnsafeRawPointer($0) }
        return try mutex.withLock { (state: inout sending State) throws(E) -> sending Result in
            hooks.acquire(address)
            defer { hooks.release(address) }
            return try body(&state)
        }
    }
}

/// ThreadSanitizer's annotation entry points, found at run time when the sanitizer is linked in.
@usableFromInline
struct ThreadSanitizerHooks: Sendable {
    @usableFromInline typealias Hook = @convention(c) (UnsafeRawPointer?) -> Void

    @usableFromInline let acquire: Hook
    @usableFromInline let release: Hook

    /// The hooks, or `nil` when the process does not run under ThreadSanitizer.
    @usableFromInline static let installed: ThreadSanitizerHooks? = {
        #if canImport(Darwin)
            let process = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
            let process: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
        #endif
        guard let acquire = dlsym(process, "__tsan_acquire"), let release = dlsym(process, "__tsan_release")
        else { return nil }
        return ThreadSanitizerHooks(
            acquire: unsafeBitCast(acquire, to: Hook.self), release: unsafeBitCast(release, to: Hook.self))
    }()
}
