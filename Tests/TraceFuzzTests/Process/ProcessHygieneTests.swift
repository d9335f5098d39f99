import Foundation
import Testing
import TraceCore
import TraceFuzz

extension ProcessHopTests {
    /// Hundreds of process hops leave nothing behind: every child is reaped (no zombie), no pipe stays open
    /// in the parent, and every worker ends with exactly the descriptors it started with.
    ///
    /// Other suites run in this process at the same time, so the checks here are about *our* children and
    /// *our* pipes, identified by process ID and pipe inode; the descriptor count is compared exactly inside
    /// the workers, which run nothing else.
    @Suite("Process hops: hygiene")
    struct ProcessHygieneTests {
        /// How many hops run one after another: 200, or 20 under ThreadSanitizer, whose instrumented
        /// workers take about a second each to start.
        static let count = ThreadSanitizer.isActive ? 20 : 200

        /// ``count`` hops of one child each, one after another (hops `h1`…: one child at a time, so the
        /// test never floods the machine), then a child whose pool fans out to three hops of
        /// grandchildren that report on themselves too. The deadline is generous: this is about what is
        /// left behind, not about speed.
        static let oneAtATime: [Step] = (0..<count).map { index in
            let strategies: [PropagationStrategy] = [.carrier, .fresh, .shared, .none]
            return ProcessTesting.hop(strategies[index % 4], [span("w\(index)")])
        }

        static let fanOut = ProcessTesting.hop(
            .fresh,
            [
                span(
                    "fan-out",
                    hop(
                        .pool, .fresh, width: 3,
                        [ProcessTesting.hop(.carrier, [span("g1")], [span("g2")])],
                        [ProcessTesting.hop(.shared, [span("g3")], [span("g4")])],
                        [ProcessTesting.hop(.none, [span("g5")], [span("g6")])]))
            ])

        static let scenario = Scenario(
            steps: [.span(SpanStep(label: "request", children: oneAtATime + [fanOut]))],
            deadlineMillis: 120_000)

        /// The sites of the grandchildren's hops: the fan-out child's hop is `h(count+1)`, its pool's
        /// hop the next, then the three process hops.
        static let grandchildHops = (count + 3...count + 5).map { "h\($0)." }

        @Test("hundreds of children: none left as a zombie or alive, no pipe left open, workers end as they began")
        func hygiene() async throws {
            var options = ProcessHopOptions()
            options.diagnostics = true
            var children: [ChildOutcome] = []
            let outcome = await ProcessTesting.run(Self.scenario, options: options)
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
            children += outcome.record.children
            #expect(children.count == Self.count + 1 + 6)
            let open = ProcessTesting.openPipeInodes()
            for child in children {
                let diagnostics = try #require(child.diagnostics, "\(child.site) sent no diagnostics")
                #expect(diagnostics.zombies == 0, "a worker at \(child.site) left a zombie")
                #expect(
                    diagnostics.descriptorsAtEnd == diagnostics.descriptorsAtStart,
                    "a worker at \(child.site) leaked descriptors: \(diagnostics)")
                #expect(diagnostics.pipeInodes.count == 3)
                #expect(
                    open.isDisjoint(with: diagnostics.pipeInodes), "a pipe to \(child.site) is still open")
            }
            let direct = children.filter { child in
                !Self.grandchildHops.contains(where: child.site.hasPrefix)
            }
            #expect(direct.count == Self.count + 1)
            for child in direct {
                #expect(
                    !ProcessTesting.isAliveOrZombieChild(child.pid),
                    "pid \(child.pid) (\(child.site)) remains")
            }
        }
    }

    /// The lifeline: a worker whose parent goes away (its standard input ends) exits at once, even when it
    /// is stuck, killing its own children on the way out.
    @Suite("Process hops: the worker's lifeline")
    struct WorkerLifelineTests {
        @Test("a hung worker exits with status 3 when its standard input is closed")
        func exitsWhenParentGoes() async throws {
            let worker = try WorkerLocator.locate()
            let request = #"""
                {"format":1,"site":"h1.t0 process/none","firstHopID":2,"seed":"1",
                "instances":[{"processor":"simple"}],
                "steps":[{"span":{"label":"first"}},
                {"span":{"label":"a","children":[{"hop":{"executor":"process","strategy":"carrier",
                "fault":{"kind":"hang"},"tasks":[[{"span":{"label":"b"}}]]}}]}}],
                "strategy":"none","flushTimeoutMillis":1000,"diagnostics":false}
                """#.replacingOccurrences(of: "\n", with: "") + "\n"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: worker.path)
            process.arguments = worker.arguments
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            let status: Int32 = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do {
                    try process.run()
                    input.fileHandleForWriting.write(Data(request.utf8))
                    // Wait for the first span to arrive: the worker is inside its steps, where its own
                    // child hangs, so it would never end by itself. Then go away.
                    _ = output.fileHandleForReading.availableData
                    try input.fileHandleForWriting.close()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
            #expect(status == ProcessWorker.orphanedStatus)
        }
    }
}
