import Testing
import TraceFuzz

extension ReportsTests {
    @Suite("ReplayCommand")
    struct ReplayCommandTests {
        /// Options made by one edit of the defaults, and the flags that must say so.
        struct Case: Sendable, CustomTestStringConvertible {
            let name: String
            let edit: @Sendable (inout GeneratorOptions) -> Void
            let flags: String
            var testDescription: String { name }
        }

        static let cases: [Case] = [
            Case(name: "defaults", edit: { _ in }, flags: ""),
            Case(name: "max depth", edit: { $0.maxDepth = 2 }, flags: " --max-depth 2"),
            Case(name: "max fan-out", edit: { $0.maxFanOut = 3 }, flags: " --max-fan-out 3"),
            Case(name: "max spans", edit: { $0.maxSpans = 6 }, flags: " --max-spans 6"),
            Case(name: "max hops", edit: { $0.maxHops = 2 }, flags: " --max-hops 2"),
            Case(
                name: "max steps and instances",
                edit: {
                    $0.maxStepsPerList = 2
                    $0.maxInstances = 1
                },
                flags: " --max-steps 2 --max-instances 1"),
            Case(
                name: "executors at default weights",
                edit: { $0.executorWeights = [.pool: 3, .tracedPool: 2] },
                flags: " --executors pool,tracedPool"),
            Case(
                name: "executors with a changed weight, in declaration order",
                edit: { $0.executorWeights = [.task: 3, .pool: 1, .thread: 0] },
                flags: " --executors pool=1,task"
            ),
            Case(name: "strategies", edit: { $0.strategyWeights = [.none: 2] }, flags: " --strategies none"),
            Case(
                name: "switches",
                edit: {
                    $0.perturbations = false
                    $0.flushes = false
                    $0.batchProcessors = false
                },
                flags: " --no-perturbations --no-flushes --no-batch"),
            Case(
                name: "several, in a fixed order",
                edit: {
                    $0.strategyWeights = [.fresh: 1]
                    $0.maxHops = 2
                    $0.maxDepth = 3
                },
                flags: " --max-depth 3 --max-hops 2 --strategies fresh=1"),
        ]

        @Test("only options that differ from the defaults become flags", arguments: cases)
        func flags(_ testCase: Case) {
            var options = GeneratorOptions()
            testCase.edit(&options)
            #expect(
                ReplayCommand.line(seed: 0x2a, options: options) == "tracefuzz replay --seed 0x2a"
                    + testCase.flags)
        }

        @Test("a finding's line uses its seed; a finding without one has none")
        func findingLine() {
            var finding = ReportFixtures.lostContextFinding
            #expect(ReplayCommand.line(for: finding) == "tracefuzz replay --seed 0x2a")
            finding.seed = nil
            #expect(ReplayCommand.line(for: finding) == nil)
        }
    }
}
