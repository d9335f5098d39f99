import Foundation

/// Runs blocking `body` on a thread of its own and suspends until it returns, so a caller on Swift's
/// cooperative pool never blocks one of its threads: how an adapter wraps a tracer's blocking flush.
///
/// The thread is new for each call, not one of Dispatch's: a blocking call must never wait for a
/// Dispatch thread that other blocked work holds.
///
/// ```swift
/// let outcome = await offCooperativePool { provider.forceFlush(timeout: .seconds(5)) }
/// ```
public func offCooperativePool<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.name = "tracefuzz-blocking-call"
        thread.start()
    }
}
