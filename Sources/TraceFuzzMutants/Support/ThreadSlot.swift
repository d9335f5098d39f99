#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One value per thread, owned by one run: what a mutant keeps "in a thread-local".
///
/// A value is tagged with the run that wrote it; another run reads nothing there and overwrites it.
/// So a context a mutant leaves on a pooled or Dispatch thread is visible to the rest of its own run
/// (that is the bug) and to no other run or test in the same process.
///
/// Make one slot per kind of value, as a `static let` (a slot holds a POSIX thread key).
final class ThreadSlot<Value>: Sendable {
    private let key: pthread_key_t

    /// What a thread holds: the owning run and its value.
    private final class Box {
        var owner: UInt64
        var value: Value

        init(owner: UInt64, value: Value) {
            self.owner = owner
            self.value = value
        }
    }

    init() {
        var key = pthread_key_t()
        #if canImport(Darwin)
            let status = pthread_key_create(&key) { pointer in
                Unmanaged<AnyObject>.fromOpaque(pointer).release()
            }
        #else
            let status = pthread_key_create(&key) { pointer in
                guard let pointer else { return }
                Unmanaged<AnyObject>.fromOpaque(pointer).release()
            }
        #endif
        precondition(status == 0, "pthread_key_create failed: \(status)")
        self.key = key
    }

    private var box: Box? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue() as? Box
    }

    /// This thread's value for run `owner`, or `nil` if the thread holds none of that run's.
    func get(owner: UInt64) -> Value? {
        guard let box, box.owner == owner else { return nil }
        return box.value
    }

    /// Sets this thread's value for run `owner`, replacing whatever another run left.
    func set(_ value: Value, owner: UInt64) {
        if let box {
            box.owner = owner
            box.value = value
            return
        }
        let object: AnyObject = Box(owner: owner, value: value)
        pthread_setspecific(key, Unmanaged.passRetained(object).toOpaque())
    }

    /// Changes this thread's value for run `owner` in place, starting from `initial` when it has none.
    func update<R>(owner: UInt64, initial: @autoclosure () -> Value, _ body: (inout Value) -> R) -> R {
        var value = get(owner: owner) ?? initial()
        let result = body(&value)
        set(value, owner: owner)
        return result
    }
}
