import Foundation
import Testing

@testable import TraceFuzz

/// The parent's reading of a child's output: every kind of garbage is kept as a bad line with its
/// number and a printable excerpt, and never stops the reading.
@Suite("Process hops: reading a child's output")
struct ChildSessionTests {
    static func session(fault: ProcessFault? = nil) -> (ChildSession, RunLog) {
        let log = RunLog()
        let session = ChildSession(
            site: "h1.t0 process/fresh", fault: fault, subtree: ["a", "b"], log: log, observer: nil)
        return (session, log)
    }

    static func line(_ line: WorkerLine) -> ChildProcess.Output {
        let encoder = JSONEncoder()
        return .line(Array(line.encoded(with: encoder).dropLast()))
    }

    static func outcome(_ log: RunLog) -> ChildOutcome? {
        var record = RunRecord()
        log.fill(&record)
        return record.children.first
    }

    static let span = ExportedSpan(
        label: "a", identity: SpanIdentity(traceID: "t", spanID: "s"), parentSpanID: nil, exportedBy: 0,
        sessionInstance: 0)

    @Test(
        "each garbage line is a bad line, and the lines around it still count",
        arguments: ProcessFault.garbageLines)
    func garbage(_ bytes: [UInt8]) throws {
        let (session, log) = Self.session()
        session.receive(Self.line(.span(Self.span)))
        session.receive(.line(bytes))
        session.receive(Self.line(.done(WorkerLine.Done(spans: 1))))
        session.finish(ChildProcess.Exit(pid: 42, status: 0))
        let outcome = try #require(Self.outcome(log))
        #expect(outcome.badLineCount == 1)
        #expect(outcome.badLines.first?.number == 2)
        #expect(outcome.sawDone && outcome.spanLines == 1)
        let violations = ChildProtocolInvariant().check(
            CheckInput(
                scenario: Scenario(steps: []), expectations: [],
                record: {
                    var r = RunRecord()
                    log.fill(&r)
                    return r
                }()))
        #expect(violations.count == 1)
        #expect(violations.first?.message.contains("line 2") == true)
    }

    @Test(
        "an overlong line, a line after done and a torn last line are bad; a torn line after a signal is not")
    func otherBadLines() throws {
        let (session, log) = Self.session()
        session.receive(.tooLong(Array("{\"type\":".utf8)))
        session.receive(Self.line(.done(WorkerLine.Done(spans: 0))))
        session.receive(Self.line(.tasks(WorkerLine.Count(count: 1))))
        session.receive(.unterminated(Array("{\"ty".utf8)))
        session.finish(ChildProcess.Exit(pid: 42, status: 0))
        let outcome = try #require(Self.outcome(log))
        #expect(outcome.badLines.map(\.number) == [1, 3, 4])
        #expect(outcome.badLines[1].reason.contains("after 'done'"))

        let (killed, killedLog) = Self.session(fault: ProcessFault(kind: .crash))
        killed.receive(Self.line(.span(Self.span)))
        killed.receive(.unterminated(Array("{\"ty".utf8)))
        killed.finish(ChildProcess.Exit(pid: 43, signal: 6))
        let crashed = try #require(Self.outcome(killedLog))
        #expect(crashed.badLines.isEmpty)
        var record = RunRecord()
        killedLog.fill(&record)
        #expect(record.expectedLosses.map(\.label) == ["b"], "'a' arrived, 'b' did not")
    }

    @Test("excerpts escape control characters and invalid UTF-8, and stop at 80 characters")
    func excerpts() {
        #expect(ChildSession.excerpt([0x61, 0x00, 0x62]) == "a\\u{0}b")
        #expect(ChildSession.excerpt([0xff, 0x41]) == "\\xff" + "A")
        #expect(ChildSession.excerpt(Array(String(repeating: "x", count: 200).utf8)).count == 81)
    }

    @Test("a child that cannot run its steps makes the run unsupported, not a loss of its spans")
    func unsupportedChild() async {
        let (session, log) = Self.session()
        let reason = "the tracer adapter has no executor of its own for 'tracedPool' hops"
        session.receive(Self.line(.unsupported(WorkerLine.Unsupported(reason: reason))))
        session.receive(Self.line(.done(WorkerLine.Done(spans: 0))))
        session.finish(ChildProcess.Exit(pid: 42, status: 0))
        var record = RunRecord()
        log.fill(&record)
        #expect(record.unsupported == "in child h1.t0 process/fresh: \(reason)")
        // What the fuzzer makes of it: skipped with its reason, never checked for lost spans.
        let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory(), runtime: RecordedRuntime(record: record))
        let outcome = await fuzzer.check(Scenario(steps: [.span(SpanStep(label: "a"))]), seed: 1)
        guard case .unsupported = outcome else {
            Issue.record("expected unsupported, got \(outcome.violations.map(\.message))")
            return
        }
    }
}

/// A runtime that returns the same record for every run.
private struct RecordedRuntime: ScenarioRuntime {
    let record: RunRecord

    func run<Factory: TracerAdapterFactory>(_ scenario: Scenario, factory: Factory, seed: UInt64) async -> RunRecord {
        record
    }
}
