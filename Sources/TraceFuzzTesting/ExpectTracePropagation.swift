import Testing
import TraceFuzz

/// Fuzzes a tracer with `seeds` generated scenarios and records a Swift Testing issue for the first
/// finding, shrunk: the broken invariant, the violations, the expected-versus-actual span tree, the
/// replay line and the shrunk scenario. Records nothing when every scenario passes.
///
/// Scenario `k` has seed `startingAt + k`, so a run is repeatable; pass a different `startingAt` to
/// explore further. The issue points at the caller. Only scenarios the tracer can run are generated:
/// `options` are fitted to the factory's ``TracerAdapterFactory/capabilities`` (no `tracedPool` hops
/// without an executor of its own, for example).
///
/// ```swift
/// import Testing
/// import TraceFuzzTesting
///
/// @Test func myTracerPropagates() async {
///     await expectTracePropagation(MyTracerAdapterFactory(), seeds: 200)
/// }
/// ```
///
/// - Parameters:
///   - factory: Makes a fresh adapter for the tracer under test, per scenario.
///   - seeds: How many scenarios to generate and run.
///   - startingAt: The first scenario's seed.
///   - options: Generator bounds and weights; invalid options are recorded as an issue.
///   - shrinkBudget: How many candidate scenarios shrinking may try; 0 keeps the finding as found.
///   - comment: Added to the top of the issue.
///   - sourceLocation: Where the issue points; the caller by default.
/// - Returns: The (shrunk) finding, or `nil` when every scenario passed.
@discardableResult
public func expectTracePropagation<Factory: TracerAdapterFactory>(
    _ factory: Factory, seeds: Int = 100, startingAt firstSeed: UInt64 = 0,
    options: GeneratorOptions = GeneratorOptions(), shrinkBudget: Int = 200, _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) async -> Finding? {
    do {
        try options.validate()
    } catch {
        Issue.record(
            PropagationIssue.prefixed(comment, "invalid generator options: \(error)"),
            sourceLocation: sourceLocation)
        return nil
    }
    if options.fitted(to: factory.capabilities).executorWeights.values.allSatisfy({ $0 <= 0 }) {
        let asked = options.executorWeights.filter { $0.value > 0 }.keys.map { "'\($0.rawValue)'" }.sorted()
        let lacks = [
            factory.capabilities.propagatingExecutor ? nil : "no propagating executor of its own",
            factory.capabilities.processHops ? nil : "no process hops",
        ].compactMap { $0 }
        let message =
            "\(factory.name) has \(lacks.joined(separator: " and ")), and \(asked.joined(separator: ", ")) "
            + "is all that was asked for: declare it in the factory's capabilities, or fuzz other executors"
        Issue.record(PropagationIssue.prefixed(comment, message), sourceLocation: sourceLocation)
        return nil
    }
    let fuzzer = Fuzzer(factory: factory, options: options)
    let report = await fuzzer.run(seed: firstSeed, budget: .iterations(seeds))
    let statistics = report.statistics
    if let found = report.findings.first {
        // A hang is replayed only at the cost of its whole deadline: report it as found.
        let shrinks = found.record.hang == nil && shrinkBudget > 0
        let finding = shrinks ? await fuzzer.shrink(found, budget: shrinkBudget) : found
        let issue = PropagationIssue(
            finding: finding, tracer: factory.name, options: options, firstSeed: firstSeed, seeds: seeds,
            shrunk: shrinks)
        Issue.record(PropagationIssue.prefixed(comment, issue.text), sourceLocation: sourceLocation)
        return finding
    }
    if statistics.scenarios > 0 && statistics.unsupported == statistics.scenarios {
        let reasons = statistics.unsupportedReasons.sorted { $0.value > $1.value }.map(\.key)
        let message =
            "\(factory.name) could run none of the \(statistics.scenarios) scenarios: "
            + reasons.joined(separator: "; ")
        Issue.record(PropagationIssue.prefixed(comment, message), sourceLocation: sourceLocation)
    }
    return nil
}

/// Fuzzes your executor, through an ``ExecutorUnderTest``: the same as
/// ``expectTracePropagation(_:seeds:startingAt:options:shrinkBudget:_:sourceLocation:)`` with
/// `options` passed through ``ExecutorUnderTest/generatorOptions(_:)``, so every hop runs on it.
///
/// ```swift
/// @Test func myExecutorPropagates() async {
///     let executor = ExecutorUnderTest("MyExecutor") { width in MyExecutor(threads: width) }
///     await expectTracePropagation(through: executor, seeds: 100)
/// }
/// ```
@discardableResult
public func expectTracePropagation<Base: TracerAdapterFactory>(
    through executor: ExecutorUnderTest<Base>, seeds: Int = 100, startingAt firstSeed: UInt64 = 0,
    options: GeneratorOptions = GeneratorOptions(), shrinkBudget: Int = 200, _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) async -> Finding? {
    await expectTracePropagation(
        executor, seeds: seeds, startingAt: firstSeed, options: executor.generatorOptions(options),
        shrinkBudget: shrinkBudget, comment, sourceLocation: sourceLocation)
}

/// Runs one scenario (a regression, or a shrunk scenario from an issue) against a tracer up to
/// `attempts` times and records an issue for the first failing run; nothing when every run passes.
///
/// ```swift
/// @Test func poolRegression() async throws {
///     let scenario = try ScenarioLoader.load(contentsOf: url)
///     await expectTracePropagation(MyTracerAdapterFactory(), in: scenario)
/// }
/// ```
///
/// - Returns: The failing run as a finding, or `nil`.
@discardableResult
public func expectTracePropagation<Factory: TracerAdapterFactory>(
    _ factory: Factory, in scenario: Scenario, seed: UInt64 = 0, attempts: Int = 3, _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) async -> Finding? {
    let (outcome, _) = await Fuzzer(factory: factory).replay(scenario, seed: seed, attempts: attempts)
    switch outcome {
    case .failed(let result, let record):
        let finding = Finding(
            seed: nil, choices: nil, scenario: scenario, violations: result.violations, record: record)
        let issue = PropagationIssue(finding: finding, tracer: factory.name)
        Issue.record(PropagationIssue.prefixed(comment, issue.text), sourceLocation: sourceLocation)
        return finding
    case .unsupported(let record):
        let message = "\(factory.name) cannot run the scenario: \(record.unsupported ?? "unsupported")"
        Issue.record(PropagationIssue.prefixed(comment, message), sourceLocation: sourceLocation)
        return nil
    case .passed:
        return nil
    }
}
