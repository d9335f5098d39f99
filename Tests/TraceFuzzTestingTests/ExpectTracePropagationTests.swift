import Testing
import TraceCore
import TraceFuzz
import TraceFuzzTesting

@Suite("expectTracePropagation")
struct ExpectTracePropagationTests {
    /// The text of an issue's comments.
    static func text(_ issue: Issue) -> String { issue.comments.map(\.rawValue).joined(separator: "\n") }

    @Test("an executor that claims to propagate but does not gets one issue with the whole story")
    func brokenExecutor() async throws {
        let executor = ExecutorUnderTest("ForgetfulPoolExecutor") { ForgetfulPoolExecutor(width: $0) }
        var finding: Finding?
        let line = #line + 2
        await withKnownIssue {
            finding = await expectTracePropagation(through: executor, seeds: 50, startingAt: 7)
        } matching: { issue in
            let text = Self.text(issue)
            return text.hasPrefix("right-parent broke against ForgetfulPoolExecutor on TraceCore: seed 0x7, ")
                && text.contains(", shrunk to ")
                && text.contains("[right-parent] ") && text.contains("\nexpected\n")
                && text.contains("\nactual\n")
                && text.contains("✗ wrong parent: expected under '")
                && text.contains("reproduce: tracefuzz replay --seed 0x")
                && text.contains(" --executors tracedPool --strategies fresh,shared,none=7,carrier\n")
                && text.contains("shrunk scenario: {") && issue.sourceLocation?.line == line
        }
        let found = try #require(finding)
        #expect(found.invariant == "right-parent")
        let steps = found.scenario.steps
        #expect(
            Self.count(steps, hops: true) <= 2 && Self.count(steps, hops: false) <= 6, "\(found.scenario)")
    }

    @Test("TraceCore's TracedThreadPool as the executor under test records nothing")
    func tracedThreadPool() async {
        let executor = ExecutorUnderTest("TracedThreadPool") { TracedPoolExecutor(width: $0) }
        #expect(executor.propagatesContext)
        let finding = await expectTracePropagation(through: executor, seeds: 60)
        #expect(finding == nil)
    }

    @Test("an executor that honestly does not propagate is fuzzed under every strategy and passes")
    func honestExecutor() async {
        let executor = ExecutorUnderTest("HonestPoolExecutor") { HonestPoolExecutor(width: $0) }
        #expect(!executor.propagatesContext)
        #expect(executor.generatorOptions().strategyWeights[.none, default: 0] > 0)
        #expect(await expectTracePropagation(through: executor, seeds: 40) == nil)
    }

    @Test("TraceCore itself, with every executor and strategy, records nothing")
    func traceCore() async {
        #expect(await expectTracePropagation(TraceCoreAdapterFactory(), seeds: 60) == nil)
    }

    @Test("a tracer whose restore does nothing gets an issue, and the caller's comment leads it")
    func brokenTracer() async {
        var options = GeneratorOptions()
        options.executorWeights = [.pool: 1, .thread: 1]
        options.strategyWeights = [.fresh: 1]
        await withKnownIssue {
            await expectTracePropagation(ForgetfulTracerFactory(), seeds: 30, options: options, "my tracer")
        } matching: { issue in
            let text = Self.text(issue)
            return text.hasPrefix("my tracer\nright-parent broke against ForgetfulTracer")
                && text.contains("--executors pool=1,thread --strategies fresh=1")
        }
    }

    @Test("one scenario, replayed: an issue for a broken tracer, nothing for TraceCore")
    func scenarioReplay() async {
        let scenario = Scenario(steps: [
            .span(
                SpanStep(
                    label: "request",
                    children: [
                        .hop(
                            HopStep(
                                executor: .pool, strategy: .fresh, tasks: [[.span(SpanStep(label: "work"))]]))
                    ]
                ))
        ])
        await withKnownIssue {
            await expectTracePropagation(ForgetfulTracerFactory(), in: scenario)
        } matching: { issue in
            let text = Self.text(issue)
            return text.hasPrefix("right-parent broke against ForgetfulTracer, 1 hop, 2 spans")
                && text.contains("h1.t0 pool/fresh  instance 0  trace B  ✗ wrong parent")
                && text.contains("scenario: {") && !text.contains("reproduce:")
        }
        #expect(await expectTracePropagation(TraceCoreAdapterFactory(), in: scenario) == nil)
    }

    @Test("a tracer with no propagating executor, asked only for tracedPool hops, is told so")
    func unsupported() async {
        var options = GeneratorOptions()
        options.executorWeights = [.tracedPool: 1]
        await withKnownIssue {
            await expectTracePropagation(ForgetfulTracerFactory(), seeds: 5, options: options)
        } matching: { issue in
            Self.text(issue).contains("ForgetfulTracer has no propagating executor of its own")
        }
    }

    @Test("a tracer with no propagating executor is fuzzed without tracedPool hops")
    func tracedPoolLeftOut() async {
        var options = GeneratorOptions()
        options.executorWeights = [.tracedPool: 5, .thread: 1]
        #expect(
            await expectTracePropagation(ForgetfulTracerFactory(forgets: false), seeds: 20, options: options)
                == nil)
    }

    @Test("invalid options are an issue, not a crash")
    func invalidOptions() async {
        var options = GeneratorOptions()
        options.maxDepth = 0
        await withKnownIssue {
            await expectTracePropagation(TraceCoreAdapterFactory(), seeds: 5, options: options)
        } matching: { issue in
            Self.text(issue).contains("invalid generator options: --max-depth")
        }
    }

    /// Hops (or spans) in a list of steps, nested ones included.
    static func count(_ steps: [Step], hops: Bool) -> Int {
        steps.reduce(0) { total, step in
            switch step {
            case .span(let span): total + (hops ? 0 : 1) + count(span.children, hops: hops)
            case .hop(let hop): total + (hops ? 1 : 0) + hop.tasks.reduce(0) { $0 + count($1, hops: hops) }
            default: total
            }
        }
    }
}
