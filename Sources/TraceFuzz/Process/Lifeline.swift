import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A worker's watch on its standard input after the request: the parent holds the other end open until
/// the worker's output ends, so end of file means the parent is gone or has given up on the worker. The
/// worker then kills its own children and exits at once, and no process outlives the run that made it.
enum Lifeline {
    /// Starts a thread that waits for end of file on standard input, then kills `children` and exits
    /// with ``ProcessWorker/orphanedStatus``.
    static func watch(standardInputOf children: ChildRegistry) {
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 256)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if count > 0 || (count < 0 && errno == EINTR) { continue }
                break
            }
            children.killAll()
            _exit(ProcessWorker.orphanedStatus)
        }
        thread.name = "tracefuzz-lifeline"
        thread.stackSize = 256 << 10
        thread.start()
    }
}
