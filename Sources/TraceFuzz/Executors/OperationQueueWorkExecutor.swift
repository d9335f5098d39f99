import Foundation

/// Runs work on an `OperationQueue` of a given width made for one hop. Propagates nothing.
final class OperationQueueWorkExecutor: WorkExecutor {
    private let queue: OperationQueue

    init(width: Int, label: String) {
        queue = OperationQueue()
        queue.name = label
        queue.maxConcurrentOperationCount = width
    }

    var propagatesContext: Bool { false }

    func submit(_ work: @escaping @Sendable () -> Void) { queue.addOperation(work) }
}

extension OperationQueueWorkExecutor: @unchecked Sendable {}
