import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A POSIX thread that can be joined: Foundation's `Thread` cannot, and pools must not leak threads.
final class JoinableThread: Sendable {
    /// The thread's handle until it is joined or detached.
    private let pending: StateLock<pthread_t?>
    /// The handle, kept for ``isCurrent`` after the join.
    #if canImport(Darwin)
        nonisolated(unsafe) private let thread: pthread_t
    #else
        private let thread: pthread_t
    #endif

    private final class Start {
        let name: String
        let body: @Sendable () -> Void
        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }

    /// Starts a thread running `body`; the name is cut to the platform's limit (15 bytes on Linux).
    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let start = Start(name: String(decoding: name.utf8.prefix(15), as: UTF8.self), body: body)
        #if canImport(Darwin)
            var thread: pthread_t?
        #else
            var thread = pthread_t()
        #endif
        let status = pthread_create(
            &thread, nil,
            { raw in
                #if canImport(Darwin)
                    let start = Unmanaged<Start>.fromOpaque(raw).takeRetainedValue()
                #else
                    let start = Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue()
                #endif
                JoinableThread.setCurrentName(start.name)
                start.body()
                return nil
            }, Unmanaged.passRetained(start).toOpaque())
        precondition(status == 0, "pthread_create failed: \(status)")
        #if canImport(Darwin)
            self.thread = thread!
        #else
            self.thread = thread
        #endif
        pending = StateLock(self.thread)
    }

    /// Whether the caller is running on this thread.
    var isCurrent: Bool { pthread_equal(pthread_self(), thread) != 0 }

    /// Waits for the thread to exit. Later calls, and calls after ``detach()``, do nothing.
    func join() {
        guard let thread = pending.withLock({ $0.take() }) else { return }
        pthread_join(thread, nil)
    }

    /// Lets the thread release its resources when it exits, without a join.
    func detach() {
        guard let thread = pending.withLock({ $0.take() }) else { return }
        pthread_detach(thread)
    }

    private static func setCurrentName(_ name: String) {
        Thread.current.name = name
    }
}
