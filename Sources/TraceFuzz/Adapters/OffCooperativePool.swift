import Dispatch

/// Runs blocking `body` on a Dispatch thread and suspends until it returns, so a caller on Swift's
/// cooperative pool never blocks one of its threads: how an adapter wraps a tracer's blocking flush.
///
/// ```swift
/// let outcome = await offCooperativePool { provider.forceFlush(timeout: .seconds(5)) }
/// ```
public func offCooperativePool<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}
