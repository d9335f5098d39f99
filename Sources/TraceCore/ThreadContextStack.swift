import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The contexts attached on one thread, innermost last. Only its own thread ever touches it.
final class ThreadContextStack {
    /// One attached context and the ticket that orders it against task-local bindings.
    struct Entry {
        var context: SpanContext?
        var ticket: UInt64
    }

    /// Unique per thread for the life of the process (never reused, unlike thread handles).
    let id: UInt64
    /// The attached entries, oldest first.
    var entries: [Entry] = []

    private init(id: UInt64) { self.id = id }

    /// How many entries are attached on all threads together: zero lets ``TraceContext/current``
    /// skip the thread-local lookup. A thread always sees its own increments, so a thread with
    /// entries never reads zero here.
    static let liveEntries = Atomic<Int>(0)

    private static let nextID = Atomic<UInt64>(1)

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        #if canImport(Darwin)
            let status = pthread_key_create(&key) { pointer in
                Unmanaged<ThreadContextStack>.fromOpaque(pointer).release()
            }
        #else
            let status = pthread_key_create(&key) { pointer in
                guard let pointer else { return }
                Unmanaged<ThreadContextStack>.fromOpaque(pointer).release()
            }
        #endif
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()

    /// This thread's stack, if it ever attached anything.
    static var currentIfPresent: ThreadContextStack? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<ThreadContextStack>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// This thread's stack, created on first use and released when the thread exits.
    static var current: ThreadContextStack {
        if let stack = currentIfPresent { return stack }
        let stack = ThreadContextStack(id: nextID.wrappingAdd(1, ordering: .relaxed).oldValue)
        pthread_setspecific(key, Unmanaged.passRetained(stack).toOpaque())
        return stack
    }

    /// The innermost entry on this thread, if any, read without creating a stack.
    static var top: Entry? {
        guard liveEntries.load(ordering: .relaxed) != 0 else { return nil }
        return currentIfPresent?.entries.last
    }

    /// Removes the entry at `index`, keeping the global count exact.
    func remove(at index: Int) {
        entries.remove(at: index)
        Self.liveEntries.wrappingSubtract(1, ordering: .relaxed)
    }

    /// Removes every entry past the first `depth`; returns how many were removed.
    func truncate(to depth: Int) -> Int {
        let extra = entries.count - depth
        guard extra > 0 else { return 0 }
        entries.removeLast(extra)
        Self.liveEntries.wrappingSubtract(extra, ordering: .relaxed)
        return extra
    }

    /// Pushes an entry, keeping the global count exact.
    func push(_ entry: Entry) {
        entries.append(entry)
        Self.liveEntries.wrappingAdd(1, ordering: .relaxed)
    }
}
