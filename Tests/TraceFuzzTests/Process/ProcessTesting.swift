import Foundation
import Testing
import TraceCore
import TraceFuzz

/// Helpers shared by the process-hop tests.
enum ProcessTesting {
    /// A `process` hop.
    static func hop(
        _ strategy: PropagationStrategy, join: Bool = true, fault: ProcessFault? = nil, _ tasks: [Step]...
    ) -> Step {
        .hop(HopStep(executor: .process, strategy: strategy, join: join, tasks: tasks, fault: fault))
    }

    /// Runs a scenario once on the real runtime with `options`, and checks it.
    static func run<Factory: TracerAdapterFactory>(
        _ scenario: Scenario, _ factory: Factory, seed: UInt64 = 1,
        options: ProcessHopOptions = ProcessHopOptions()
    ) async -> RunOutcome {
        await Fuzzer(factory: factory, runtime: RealRuntime(processes: options)).check(scenario, seed: seed)
    }

    /// Runs a scenario once against TraceCore.
    static func run(_ scenario: Scenario, seed: UInt64 = 1, options: ProcessHopOptions = ProcessHopOptions())
        async
        -> RunOutcome
    {
        await run(scenario, TraceCoreAdapterFactory(), seed: seed, options: options)
    }

    /// The one exported copy of each label.
    static func exported(_ record: RunRecord) -> [String: ExportedSpan] {
        Dictionary(record.exported.map { ($0.label, $0) }) { first, _ in first }
    }

    /// Whether `pid` is still a process this process would have to reap, or still running as our child.
    static func isAliveOrZombieChild(_ pid: Int32) -> Bool {
        guard pid > 0, let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return false }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count >= 2, let parent = Int32(fields[1]) else { return false }
        return parent == getpid()
    }

    /// The inodes of every pipe this process has open, from `/proc/self/fd`.
    static func openPipeInodes() -> Set<UInt64> {
        let directory = "/proc/self/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var inodes: Set<UInt64> = []
        for name in names {
            guard
                let target = try? FileManager.default.destinationOfSymbolicLink(
                    atPath: "\(directory)/\(name)"),
                target.hasPrefix("pipe:["), target.hasSuffix("]"),
                let inode = UInt64(target.dropFirst(6).dropLast())
            else { continue }
            inodes.insert(inode)
        }
        return inodes
    }
}

/// Every suite that starts child processes, one at a time: each child costs tens of milliseconds of
/// processor time to start, and a burst of them from several suites at once would starve the rest of
/// the test run on a small machine.
@Suite("Process hops", .serialized)
struct ProcessHopTests {}
