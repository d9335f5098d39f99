import Foundation

/// Starts a new `Thread` for every piece of work. Propagates nothing.
struct ThreadWorkExecutor: WorkExecutor {
    var propagatesContext: Bool { false }

    func submit(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.stackSize = 1 << 20
        thread.start()
    }
}
