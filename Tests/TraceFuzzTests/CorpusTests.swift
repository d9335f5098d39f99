import Foundation
import Testing
import TraceFuzz

/// Replays every file of `Scenarios/corpus` against TraceCore and checks, beyond the invariants, the one
/// thing its pattern is there to show.
@Suite("Corpus")
struct CorpusTests {
    /// How often each file is replayed, each time with another seed (another interleaving).
    static let runsPerFile: UInt64 = 5

    /// What each corpus file must show besides passing every invariant. A file without an entry fails
    /// ``tableCoversCorpus()``.
    static let expectations: [String: [CorpusExpectation]] = [
        "pool-without-propagation.json": [.workersStartNewTraces],
        "capture-per-submit.json": [.workersAreChildrenOfSubmitter],
        "capture-once-and-share.json": [.workersAreChildrenOfSubmitter],
        "traced-pool-executor.json": [.workersAreChildrenOfSubmitter],
        "map-over-pool-with-captured-context.json": [.workersAreChildrenOfSubmitter, .everyTaskRan],
        "manual-inject-extract.json": [.workersAreChildrenOfSubmitter],
        "thread-per-worker.json": [.workersAreChildrenOfSubmitter],
        "instance-per-environment.json": [.exportedByOwnInstance, .nestsAcrossInstances],
        "instance-per-tenant.json": [.exportedByOwnInstance, .nestsAcrossInstances],
        "instance-per-feature.json": [.exportedByOwnInstance, .nestsAcrossInstances],
        "tracer-per-request.json": [.exportedByOwnInstance, .instancePerRequest],
        "flush-per-request.json": [.flushedAfterEachRequest],
        "task-inherits-context.json": [.workersAreChildrenOfSubmitter],
        "detached-task-starts-new-trace.json": [.workersStartNewTraces],
        "task-group-and-async-let-fan-out.json": [.workersAreChildrenOfSubmitter],
        "fire-and-forget-joined-before-flush.json": [
            .workersAreChildrenOfSubmitter, .everyTaskRan, .everythingExportedByFinalFlush,
        ],
        "batch-queue-drops-are-counted.json": [.dropsAccounted],
        "process-per-worker.json": [.workersAreChildrenOfSubmitter, .everyTaskRan],
        "process-pool-with-bound-context.json": [.workersAreChildrenOfSubmitter, .everyTaskRan],
        "hybrid-process-fans-out-to-threads.json": [.workersAreChildrenOfSubmitter, .everyTaskRan],
        // Passing is the point: what the worker did not flush is an expected loss, not a finding.
        // ProcessCorpusTests checks that the loss is exactly the spans it reported unflushed.
        "process-worker-forgets-to-flush.json": [.everyTaskRan],
    ]

    @Test("every corpus file has an expectation, and every expectation a file")
    func tableCoversCorpus() {
        let files = Set(CorpusLocation.fileNames)
        #expect(!files.isEmpty, "no scenario files in \(CorpusLocation.directory.path)")
        let table = Set(Self.expectations.keys)
        #expect(
            files.subtracting(table).sorted() == [], "corpus files with no entry in CorpusTests.expectations")
        #expect(table.subtracting(files).sorted() == [], "entries in CorpusTests.expectations with no file")
    }

    @Test("loads, validates, explains itself and is canonical", arguments: CorpusLocation.fileNames)
    func canonical(_ name: String) throws {
        let url = CorpusLocation.directory.appendingPathComponent(name)
        let scenario = try ScenarioLoader.load(contentsOf: url)
        #expect(name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*\.json/) != nil, "file names are kebab-case")
        #expect(
            !(scenario.description ?? "").isEmpty, "every corpus file says what it shows in \"description\"")
        let bytes = try Data(contentsOf: url)
        #expect(
            ScenarioLoader.encode(scenario) == bytes,
            "not canonical: write it through ScenarioLoader.encode (sorted keys, pretty, final newline)")
    }

    @Test("replays clean and shows its pattern", arguments: CorpusLocation.fileNames)
    func replays(_ name: String) async throws {
        let expectations = try #require(Self.expectations[name], "no entry in CorpusTests.expectations")
        let scenario = try ScenarioLoader.load(
            contentsOf: CorpusLocation.directory.appendingPathComponent(name))
        let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory())
        var runs: [CorpusRun] = []
        for seed in 1...Self.runsPerFile {
            switch await fuzzer.check(scenario, seed: seed) {
            case .passed(_, let record):
                let run = CorpusRun(name: name, seed: seed, scenario: scenario, record: record)
                for expectation in expectations { run.verify(expectation) }
                runs.append(run)
            case .failed(let result, _):
                let violations = result.violations.map(\.description).joined(separator: "\n")
                Issue.record("\(name), seed \(seed): invariants broke\n\(violations)")
            case .unsupported(let record):
                Issue.record("\(name), seed \(seed): unsupported: \(record.unsupported ?? "?")")
            }
        }
        if runs.count == Self.runsPerFile {
            for expectation in expectations { CorpusRun.verify(expectation, across: runs) }
        }
    }
}

/// The pattern a corpus file shows, checked against the oracle and the exported spans.
enum CorpusExpectation: Sendable {
    /// Every span a hop's task starts is expected by the oracle, and exported, as a root, each in a
    /// trace of its own, apart from its submitter's.
    case workersStartNewTraces
    /// Every span a hop's task starts is expected by the oracle, and exported, as a child of the span
    /// that was current at the hop, in that span's trace.
    case workersAreChildrenOfSubmitter
    /// Every span is exported exactly once, by its own instance, carrying its own instance's session.
    case exportedByOwnInstance
    /// The file nests spans of one instance in another's, and each such link survives export.
    case nestsAcrossInstances
    /// Each top-level request runs on an instance of its own, is a root, and its instance exports exactly
    /// the spans of that request.
    case instancePerRequest
    /// Each top-level request is followed by a flush; when that flush returns, the request's spans are
    /// all exported.
    case flushedAfterEachRequest
    /// Every task of every hop ran, once.
    case everyTaskRan
    /// Every span, fire-and-forget ones included, is exported once by the final flushes, which succeed.
    case everythingExportedByFinalFlush
    /// In every run, each batching instance's dropped count equals its missing spans; and each dropped
    /// spans in at least one run. (Whether one run overflows a queue is a race with the export worker,
    /// which now and then keeps up with a burst.)
    case dropsAccounted
}

/// One passed run of a corpus file, indexed for the pattern checks.
private struct CorpusRun {
    let name: String
    let seed: UInt64
    let scenario: Scenario
    let record: RunRecord
    let oracle: [String: SpanExpectation]
    let exported: [String: [ExportedSpan]]

    init(name: String, seed: UInt64, scenario: Scenario, record: RunRecord) {
        self.name = name
        self.seed = seed
        self.scenario = scenario
        self.record = record
        oracle = Dictionary(uniqueKeysWithValues: Oracle.expectations(for: scenario).map { ($0.label, $0) })
        exported = Dictionary(grouping: record.exported, by: \.label)
    }

    /// `capture-per-submit.json, seed 3`.
    var context: String { "\(name), seed \(seed)" }

    func verify(_ expectation: CorpusExpectation) {
        switch expectation {
        case .workersStartNewTraces: verifyWorkersStartNewTraces()
        case .workersAreChildrenOfSubmitter: verifyWorkersAreChildrenOfSubmitter()
        case .exportedByOwnInstance: verifyExportedByOwnInstance()
        case .nestsAcrossInstances: verifyNestsAcrossInstances()
        case .instancePerRequest: verifyInstancePerRequest()
        case .flushedAfterEachRequest: verifyFlushedAfterEachRequest()
        case .everyTaskRan: verifyEveryTaskRan()
        case .everythingExportedByFinalFlush: verifyEverythingExportedByFinalFlush()
        case .dropsAccounted: verifyDropsAccounted()
        }
    }

    /// The part of an expectation that concerns all the runs of a file together.
    static func verify(_ expectation: CorpusExpectation, across runs: [CorpusRun]) {
        guard case .dropsAccounted = expectation, let first = runs.first else { return }
        for instance in first.batchingInstances {
            let dropped = runs.map { $0.record.dropped[instance] }
            #expect(
                dropped.contains { $0 > 0 },
                "\(first.name): instance \(instance) dropped nothing in \(runs.count) runs")
        }
    }

    /// The one exported copy of a span, recording an issue if there is none.
    func span(_ label: String) -> ExportedSpan? {
        let copies = exported[label] ?? []
        #expect(copies.count == 1, "\(context): '\(label)' exported \(copies.count) times")
        return copies.first
    }

    private func verifyWorkersStartNewTraces() {
        let workers = ScenarioShape.workerSpans(scenario.steps)
        #expect(!workers.isEmpty, "\(context): the file has no hop that starts a span")
        var traces: [String: String] = [:]
        for worker in workers {
            #expect(
                oracle[worker.label]?.parent == nil, "\(context): the oracle gives '\(worker.label)' a parent"
            )
            guard let exported = span(worker.label) else { continue }
            #expect(exported.parentSpanID == nil, "\(context): '\(worker.label)' is not exported as a root")
            if let other = traces.updateValue(worker.label, forKey: exported.identity.traceID) {
                Issue.record("\(context): '\(worker.label)' shares a trace with '\(other)'")
            }
            if let submitter = worker.submitter, let parent = span(submitter) {
                #expect(
                    exported.identity.traceID != parent.identity.traceID,
                    "\(context): '\(worker.label)' is in the trace of its submitter '\(submitter)'")
            }
        }
    }

    private func verifyWorkersAreChildrenOfSubmitter() {
        let workers = ScenarioShape.workerSpans(scenario.steps)
        #expect(!workers.isEmpty, "\(context): the file has no hop that starts a span")
        for worker in workers {
            guard let submitter = worker.submitter else {
                Issue.record("\(context): '\(worker.label)' is submitted outside any span")
                continue
            }
            #expect(
                oracle[worker.label]?.parent == submitter,
                "\(context): the oracle does not expect '\(worker.label)' under '\(submitter)'")
            guard let child = span(worker.label), let parent = span(submitter) else { continue }
            #expect(
                child.parentSpanID == parent.identity.spanID,
                "\(context): '\(worker.label)' is not exported as a child of '\(submitter)'")
            #expect(
                child.identity.traceID == parent.identity.traceID,
                "\(context): '\(worker.label)' is not in the trace of '\(submitter)'")
        }
    }

    private func verifyExportedByOwnInstance() {
        for expectation in oracle.values {
            guard let exported = span(expectation.label) else { continue }
            #expect(
                exported.exportedBy == expectation.instance,
                "\(context): '\(expectation.label)' exported by instance \(exported.exportedBy)")
            #expect(
                exported.sessionInstance == expectation.instance,
                "\(context): '\(expectation.label)' carries the session of another instance")
        }
    }

    private func verifyNestsAcrossInstances() {
        let crossings = oracle.values.filter { child in
            guard let parent = child.parent.flatMap({ oracle[$0] }) else { return false }
            return parent.instance != child.instance
        }
        #expect(!crossings.isEmpty, "\(context): no span is nested in another instance's span")
        for child in crossings {
            guard let parentLabel = child.parent, let exported = span(child.label),
                let parent = span(parentLabel)
            else { continue }
            #expect(
                exported.parentSpanID == parent.identity.spanID,
                "\(context): '\(child.label)' (instance \(child.instance)) lost its parent '\(parentLabel)'")
        }
    }

    private func verifyInstancePerRequest() {
        let requests = ScenarioShape.topLevelSpans(scenario.steps)
        #expect(requests.count > 1, "\(context): fewer than two requests")
        #expect(
            Set(requests.map(\.instance)).count == requests.count,
            "\(context): two requests share an instance")
        var traces: Set<String> = []
        for request in requests {
            guard let root = span(request.label) else { continue }
            #expect(root.parentSpanID == nil, "\(context): '\(request.label)' is not a root")
            #expect(
                traces.insert(root.identity.traceID).inserted, "\(context): '\(request.label)' shares a trace"
            )
            let byInstance = Set(record.exported.filter { $0.exportedBy == request.instance }.map(\.label))
            #expect(
                byInstance == ScenarioShape.labels(in: .span(request)),
                "\(context): instance \(request.instance) exports more or less than '\(request.label)'")
        }
    }

    private func verifyFlushedAfterEachRequest() {
        let requests = ScenarioShape.requestsFollowedByFlush(scenario.steps)
        let flushes = record.flushes.filter { $0.index > 0 }.sorted { $0.index < $1.index }
        #expect(!requests.isEmpty, "\(context): no request is followed by a flush")
        #expect(
            flushes.count == requests.count,
            "\(context): \(flushes.count) flushes for \(requests.count) requests")
        for (request, flush) in zip(requests, flushes) {
            let labels = ScenarioShape.labels(in: .span(request))
            #expect(
                flush.outcome == .success,
                "\(context): \(flush.name) after '\(request.label)' did not succeed")
            #expect(
                labels.isSubset(of: flush.endedBefore),
                "\(context): '\(request.label)' had not ended before its flush")
            let missing = labels.subtracting(flush.exportedAfter).sorted()
            #expect(
                missing == [], "\(context): not exported when \(flush.name) after '\(request.label)' returned"
            )
        }
    }

    private func verifyEveryTaskRan() {
        #expect(
            record.tasksRun == ScenarioShape.taskCount(scenario.steps),
            "\(context): \(record.tasksRun) tasks ran of \(ScenarioShape.taskCount(scenario.steps))")
    }

    private func verifyEverythingExportedByFinalFlush() {
        let finals = record.flushes.filter { $0.index == 0 }
        #expect(
            finals.count == scenario.instances.count, "\(context): not every instance had its final flush")
        for flush in finals {
            #expect(
                flush.outcome == .success, "\(context): the final flush of instance \(flush.instance) failed")
            let labels = oracle.values.filter { $0.instance == flush.instance }.map(\.label)
            let missing = Set(labels).subtracting(flush.exportedAfter).sorted()
            #expect(missing == [], "\(context): missing after the final flush of instance \(flush.instance)")
        }
        #expect(record.exported.count == oracle.count, "\(context): \(record.exported.count) spans exported")
        #expect(Set(record.ended) == Set(oracle.keys), "\(context): not every span ended")
    }

    /// The instances with a batching processor.
    var batchingInstances: [Int] {
        scenario.instances.indices.filter { scenario.instances[$0].processor == .batch }
    }

    private func verifyDropsAccounted() {
        #expect(!batchingInstances.isEmpty, "\(context): no batching instance")
        for instance in batchingInstances {
            let dropped = record.dropped[instance]
            let missing = oracle.values.filter { expectation in
                expectation.instance == instance
                    && !(exported[expectation.label] ?? []).contains { $0.exportedBy == instance }
            }
            #expect(
                dropped == missing.count,
                "\(context): instance \(instance) dropped \(dropped), missing \(missing.count)")
        }
    }
}

/// Structural facts about a scenario, read from its steps rather than from the oracle, so the pattern
/// checks can hold the oracle to them.
private enum ScenarioShape {
    /// A span a hop's task starts directly, and the span current where the hop was made.
    struct WorkerSpan {
        let label: String
        let submitter: String?
    }

    /// The spans each hop's tasks start at their top level, with the nearest enclosing span of the hop.
    static func workerSpans(_ steps: [Step], enclosing: String? = nil) -> [WorkerSpan] {
        steps.flatMap { step -> [WorkerSpan] in
            switch step {
            case .span(let span):
                return workerSpans(span.children, enclosing: span.label)
            case .hop(let hop):
                return hop.tasks.flatMap { task in
                    let direct = task.compactMap { step -> WorkerSpan? in
                        guard case .span(let span) = step else { return nil }
                        return WorkerSpan(label: span.label, submitter: enclosing)
                    }
                    return direct + workerSpans(task, enclosing: enclosing)
                }
            default:
                return []
            }
        }
    }

    /// The scenario's top-level spans.
    static func topLevelSpans(_ steps: [Step]) -> [SpanStep] {
        steps.compactMap { step in
            guard case .span(let span) = step else { return nil }
            return span
        }
    }

    /// The top-level spans directly followed by a flush of their instance.
    static func requestsFollowedByFlush(_ steps: [Step]) -> [SpanStep] {
        zip(steps, steps.dropFirst()).compactMap { step, next in
            guard case .span(let span) = step, case .flush(let flush) = next, flush.instance == span.instance
            else { return nil }
            return span
        }
    }

    /// Every span label in a step, however deeply nested in spans and hops.
    static func labels(in step: Step) -> Set<String> {
        switch step {
        case .span(let span):
            return span.children.reduce(into: [span.label]) { $0.formUnion(labels(in: $1)) }
        case .hop(let hop):
            return hop.tasks.joined().reduce(into: []) { $0.formUnion(labels(in: $1)) }
        default:
            return []
        }
    }

    /// How many tasks all hops hand out, nested hops included.
    static func taskCount(_ steps: [Step]) -> Int {
        steps.reduce(0) { count, step in
            switch step {
            case .span(let span): count + taskCount(span.children)
            case .hop(let hop): count + hop.tasks.count + hop.tasks.reduce(0) { $0 + taskCount($1) }
            default: count
            }
        }
    }
}
