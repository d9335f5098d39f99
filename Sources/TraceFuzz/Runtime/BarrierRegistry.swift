import Dispatch
import Synchronization
import TraceCore

/// The named barriers of one run. A barrier releases everyone once `parties` have arrived, or gives up
/// waiting after ``patience``, so a barrier on a serial executor slows a run down but never hangs it.
final class BarrierRegistry: Sendable {
    /// How long an arrival waits for the others before going on alone.
    static let patience = DispatchTimeInterval.microseconds(300)

    private let state = StateLock([String: Barrier]())
    private let tickets = Atomic<Int>(0)

    private struct Barrier {
        var arrived = 0
        var released = false
        var syncWaiters: [DispatchSemaphore] = []
        var asyncWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private enum Arrival {
        case pass
        case wait
        case release([DispatchSemaphore], [CheckedContinuation<Void, Never>])
    }

    /// Arrives from synchronous code: blocks until released or out of patience.
    func arrive(_ step: BarrierStep) {
        let semaphore = DispatchSemaphore(value: 0)
        switch register(step, semaphore: semaphore, continuation: nil, ticket: 0) {
        case .pass:
            return
        case .wait:
            _ = semaphore.wait(timeout: .now() + Self.patience)
        case .release(let semaphores, let continuations):
            semaphores.forEach { $0.signal() }
            continuations.forEach { $0.resume() }
        }
    }

    /// Arrives from async code: suspends until released or out of patience; never blocks a thread.
    func arrive(_ step: BarrierStep) async {
        let ticket = tickets.add(1, ordering: .relaxed).newValue
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            switch register(step, semaphore: nil, continuation: continuation, ticket: ticket) {
            case .pass:
                continuation.resume()
            case .wait:
                DispatchQueue.global().asyncAfter(deadline: .now() + Self.patience) {
                    self.giveUp(step.name, ticket: ticket)
                }
            case .release(let semaphores, let continuations):
                semaphores.forEach { $0.signal() }
                continuations.forEach { $0.resume() }
                continuation.resume()
            }
        }
    }

    /// Registers an arrival: `.pass` if already released, `.release` with the waiters to wake when this
    /// arrival completes the barrier, `.wait` otherwise (the waiter is stored).
    private func register(
        _ step: BarrierStep, semaphore: DispatchSemaphore?, continuation: CheckedContinuation<Void, Never>?,
        ticket: Int
    ) -> Arrival {
        state.withLock { barriers in
            var barrier = barriers[step.name] ?? Barrier()
            defer { barriers[step.name] = barrier }
            if barrier.released { return .pass }
            barrier.arrived += 1
            if barrier.arrived >= step.parties {
                barrier.released = true
                defer {
                    barrier.syncWaiters = []
                    barrier.asyncWaiters = [:]
                }
                return .release(barrier.syncWaiters, Array(barrier.asyncWaiters.values))
            }
            if let semaphore { barrier.syncWaiters.append(semaphore) }
            if let continuation { barrier.asyncWaiters[ticket] = continuation }
            return .wait
        }
    }

    private func giveUp(_ name: String, ticket: Int) {
        let continuation = state.withLock { barriers in
            barriers[name]?.asyncWaiters.removeValue(forKey: ticket)
        }
        continuation?.resume()
    }
}
