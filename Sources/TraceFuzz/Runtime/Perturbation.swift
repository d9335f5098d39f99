import Foundation
import TraceCore

/// Seeded jitter at the start of each task: nothing, a yield, or a short spin. Derived from the scenario
/// seed and the task's place, never from global randomness, so the same scenario perturbs the same way.
struct Perturbation: Sendable {
    let seed: UInt64

    func jitter(hop: Int, task: Int) -> Jitter {
        let bits = SplitMix64.mix(seed ^ UInt64(hop) << 32 ^ UInt64(task))
        switch bits % 4 {
        case 0: return .yield
        case 1: return .spin(micros: Int((bits >> 8) % 20))
        default: return .none
        }
    }
}

/// What a task does before its first step.
enum Jitter: Sendable {
    case none
    case yield
    case spin(micros: Int)

    func applySync() {
        switch self {
        case .none: break
        case .yield: sched_yield()
        case .spin(let micros): Self.spin(micros)
        }
    }

    func applyAsync() async {
        switch self {
        case .none: break
        case .yield: await Task.yield()
        case .spin(let micros): Self.spin(micros)
        }
    }

    private static func spin(_ micros: Int) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(micros) * 1000
        while DispatchTime.now().uptimeNanoseconds < deadline {}
    }
}
