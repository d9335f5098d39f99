import Foundation
import Testing
import TraceCore
import TraceFuzz

/// Hundreds of process hops leave nothing behind: every child is reaped (no zombie), no pipe stays open
/// in the parent, and every worker ends with exactly the descriptors it started with.
///
/// Other suites run in this process at the same time, so the checks here are about *our* children and
/// *our* pipes, identified by process ID and pipe inode; the descriptor count is compared exactly inside
/// the workers, which run nothing else.
@Suite("Process hops: hygiene")
struct ProcessHygieneTests {
    /// Ten hops of ten children each, one after another on a serial queue (hops `h2`…`h11`), and a
    /// child (`h12`) whose pool fans out to grandchildren (`h14`…`h16`) that report on themselves too.
    static let scenario = Scenario(steps: [
        span(
            "request",
            .hop(
                HopStep(
                    executor: .dispatchSerial, strategy: .fresh,
                    tasks: (0..<10).map { hop in
                        [
                            .hop(
                                HopStep(
                                    executor: .process, strategy: hop % 2 == 0 ? .carrier : .fresh,
                                    tasks: (0..<10).map { task in [span("w\(hop)-\(task)")] }))
                        ]
                    })),
            ProcessTesting.hop(
                .fresh,
                [
                    span(
                        "fan-out",
                        hop(
                            .pool, .fresh, width: 3,
                            [ProcessTesting.hop(.carrier, [span("g1")], [span("g2")])],
                            [ProcessTesting.hop(.shared, [span("g3")], [span("g4")])],
                            [ProcessTesting.hop(.none, [span("g5")], [span("g6")])]))
                ]))
    ])

    @Test("300+ children: none left as a zombie or alive, no pipe left open, workers end as they began")
    func hygiene() async throws {
        var options = ProcessHopOptions()
        options.diagnostics = true
        var children: [ChildOutcome] = []
        for seed in 1...3 as ClosedRange<UInt64> {
            let outcome = await ProcessTesting.run(Self.scenario, seed: seed, options: options)
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
            children += outcome.record.children
        }
        #expect(children.count == 3 * (100 + 1 + 6))
        let open = ProcessTesting.openPipeInodes()
        for child in children {
            let diagnostics = try #require(child.diagnostics, "\(child.site) sent no diagnostics")
            #expect(diagnostics.zombies == 0, "a worker at \(child.site) left a zombie")
            #expect(
                diagnostics.descriptorsAtEnd == diagnostics.descriptorsAtStart,
                "a worker at \(child.site) leaked descriptors: \(diagnostics)")
            #expect(diagnostics.pipeInodes.count == 3)
            #expect(open.isDisjoint(with: diagnostics.pipeInodes), "a pipe to \(child.site) is still open")
        }
        let direct = children.filter { child in
            !["h14.", "h15.", "h16."].contains(where: child.site.hasPrefix)
        }
        #expect(direct.count == 3 * (100 + 1))
        for child in direct {
            #expect(
                !ProcessTesting.isAliveOrZombieChild(child.pid), "pid \(child.pid) (\(child.site)) remains")
        }
    }
}
