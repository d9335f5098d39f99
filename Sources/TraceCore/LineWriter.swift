import Foundation
import Synchronization

/// Writes whole lines to a file handle, one writer at a time, until closed.
final class LineWriter: Sendable {
    private let handle: FileHandle
    private let closesHandle: Bool
    private let isOpen = StateLock(true)

    init(handle: FileHandle, closesHandle: Bool) {
        self.handle = handle
        self.closesHandle = closesHandle
    }

    /// Appends `data` (which should end in a newline) in one write; `false` once closed or on an error.
    func write(_ data: Data) -> Bool {
        isOpen.withLock { open in
            guard open else { return false }
            do {
                try handle.write(contentsOf: data)
                return true
            } catch {
                return false
            }
        }
    }

    /// Asks the system to commit written data; succeeds for handles that cannot be synced (pipes).
    func synchronize() -> Bool {
        isOpen.withLock { open in
            guard open else { return false }
            try? handle.synchronize()
            return true
        }
    }

    /// Stops writing; closes the handle if this writer owns it. Idempotent.
    func close() {
        isOpen.withLock { open in
            guard open else { return }
            open = false
            if closesHandle { try? handle.close() }
        }
    }
}
