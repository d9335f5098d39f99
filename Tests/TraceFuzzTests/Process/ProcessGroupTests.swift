import Foundation
import Testing
import TraceCore
import TraceFuzz

extension ProcessHopTests {
    /// A hop killed at its deadline takes its worker's own children with it: the worker leads a process
    /// group, and the watchdog kills the group.
    @Suite("Process hops: process groups")
    struct ProcessGroupTests {
        /// Live `tracefuzz worker` processes whose parent is no `tracefuzz` process: orphans, left behind
        /// by a worker that was killed while its own children ran.
        static func orphanedWorkers() -> [Int32] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return names.compactMap(Int32.init).filter { pid in
                guard command(pid).hasPrefix("tracefuzz worker"), let (state, parent) = stat(pid) else {
                    return false
                }
                return state != "Z" && parent != getpid() && !command(parent).contains("tracefuzz")
            }
        }

        private static func command(_ pid: Int32) -> String {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
            let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard let program = words.first else { return "" }
            return ([URL(fileURLWithPath: program).lastPathComponent] + words.dropFirst()).joined(separator: " ")
        }

        private static func stat(_ pid: Int32) -> (state: Character, parent: Int32)? {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = text.lastIndex(of: ")")
            else { return nil }
            let fields = text[text.index(after: close)...].split(separator: " ")
            guard fields.count >= 2, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
            return (state, parent)
        }

        /// Live processes whose command line is exactly `words`.
        static func processes(running words: [String]) -> [Int32] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return names.compactMap(Int32.init).filter { pid in
                guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                    let (state, _) = stat(pid), state != "Z"
                else { return false }
                return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) } == words
            }
        }

        @Test("a worker's own child, which watches no lifeline, is killed with the worker at the deadline")
        func groupKilled() async throws {
            // A worker that starts a long sleep and never answers: the hop hangs until the watchdog kills
            // it. The sleep is a grandchild that knows nothing of the harness.
            let marker = "\(Double(UInt32.random(in: 1000...9999)) + 0.25)"
            var options = ProcessHopOptions()
            options.worker = WorkerExecutable(path: "/bin/sh", arguments: ["-c", "sleep \(marker) & wait"])
            let scenario = Scenario(
                steps: [ProcessTesting.hop(.fresh, [.span(SpanStep(label: "child"))])], deadlineMillis: 1_000)
            let outcome = await ProcessTesting.run(scenario, options: options)
            #expect(outcome.record.hang != nil, "\(outcome.violations)")
            var left = Self.processes(running: ["sleep", marker])
            for _ in 0..<20 where !left.isEmpty {
                try await Task.sleep(for: .milliseconds(100))
                left = Self.processes(running: ["sleep", marker])
            }
            #expect(left.isEmpty, "the worker's child outlived it: \(left)")
            for pid in left { kill(pid, SIGKILL) }
        }

        @Test("a grandchild that hangs dies with the child the watchdog kills")
        func grandchildDies() async throws {
            let before = Set(Self.orphanedWorkers())
            let nested = ProcessTesting.hop(
                .fresh, fault: ProcessFault(kind: .hang), [.span(SpanStep(label: "grandchild"))])
            let scenario = Scenario(
                steps: [.span(SpanStep(label: "top", children: [ProcessTesting.hop(.fresh, [nested])]))],
                deadlineMillis: 2_000)
            let outcome = await ProcessTesting.run(scenario)
            #expect(outcome.record.hang != nil, "\(outcome.violations)")
            var orphans = Set(Self.orphanedWorkers()).subtracting(before)
            for _ in 0..<20 where !orphans.isEmpty {
                try await Task.sleep(for: .milliseconds(100))
                orphans = Set(Self.orphanedWorkers()).subtracting(before)
            }
            #expect(orphans.isEmpty, "workers outlived their killed parent: \(orphans.sorted())")
            for pid in orphans { kill(pid, SIGKILL) }
        }
    }
}
