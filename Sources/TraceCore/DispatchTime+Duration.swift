import Dispatch

extension DispatchTime {
    /// Now plus `duration`, saturating: a negative duration is now, a huge one is `distantFuture`.
    @usableFromInline
    static func after(_ duration: Duration) -> DispatchTime {
        let (seconds, attoseconds) = duration.components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return .now() }
        if seconds >= 1 << 32 { return .distantFuture }
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        return .now() + .nanoseconds(nanoseconds)
    }
}
