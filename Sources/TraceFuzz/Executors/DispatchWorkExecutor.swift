import Dispatch

/// Runs work on a `DispatchQueue` made for one hop, serial or concurrent. Propagates nothing.
struct DispatchWorkExecutor: WorkExecutor {
    let queue: DispatchQueue

    init(concurrent: Bool, label: String) {
        queue = DispatchQueue(label: label, attributes: concurrent ? .concurrent : [])
    }

    var propagatesContext: Bool { false }

    func submit(_ work: @escaping @Sendable () -> Void) { queue.async(execute: work) }
}
