import Foundation
import Testing

@testable import TraceFuzz

/// A driver written in shell that answers as the test says: each case plants one way a driver goes wrong.
@Suite("LanguageDriver")
struct LanguageDriverTests {
    static let hello =
        #"{"type":"hello","protocol":1,"driver":"fake","versions":{"python":"0"},"executors":["pool"],"#
        + #""strategies":["fresh"],"faults":[],"processors":["simple"]}"#

    /// A driver whose answer to every run is `body` (shell, with $id the run's number).
    static func driver(_ body: String) -> LanguageDriver {
        let script = """
            echo '\(hello)'
            while read -r line; do
              id=$(printf '%s' "$line" | sed -n 's/.*"id":\\([0-9]*\\).*/\\1/p')
              \(body)
            done
            """
        return LanguageDriver(
            command: DriverCommand(
                name: "fake", executable: "/bin/sh", arguments: ["-c", script], environment: ["PATH=/usr/bin:/bin"]),
            startTimeout: .seconds(10))
    }

    static let scenario = Scenario(steps: [.span(SpanStep(label: "a"))], deadlineMillis: 2_000)

    static func spanLine(_ id: String = "$id") -> String {
        #"{"type":"span","run":"# + id
            + #","label":"a","identity":{"traceID":"0af7651916cd43dd8448eb211c80319c","spanID":"b7ad6b7169203331"},"exportedBy":0,"sessionInstance":0}"#
    }

    @Test("a well-behaved run becomes the engine's record, and one process serves many runs")
    func goodRuns() throws {
        let driver = Self.driver(
            "echo '\(Self.spanLine("'$id'"))'; echo '{\"type\":\"ended\",\"run\":'$id',\"label\":\"a\"}'; "
                + "echo '{\"type\":\"exception\",\"run\":'$id',\"site\":\"top\",\"exceptionType\":\"RuntimeError\",\"message\":\"m\",\"where\":\"task\"}'; "
                + "echo '{\"type\":\"done\",\"run\":'$id',\"spans\":1}'")
        let hello = try driver.start()
        #expect(hello.driver == "fake")
        for _ in 0..<3 {
            let record = driver.exchange(Self.scenario, seed: 1, flushTimeout: .seconds(1))
            #expect(record.exported.map(\.label) == ["a"])
            #expect(record.ended == ["a"])
            #expect(record.exceptions.first?.exceptionType == "RuntimeError")
            #expect(record.children.isEmpty && record.hang == nil)
            #expect(record.contextRules == .python)
        }
        #expect(driver.starts == 1)
    }

    @Test("a driver that crashes mid-run is a child-protocol finding with its exit status, and is replaced")
    func crash() throws {
        let driver = Self.driver("echo 'dying' >&2; exit 3")
        let record = driver.exchange(Self.scenario, seed: 1, flushTimeout: .seconds(1))
        let outcome = try #require(record.children.first)
        #expect(outcome.site == "driver fake" && outcome.exitStatus == 3 && !outcome.sawDone)
        #expect(outcome.standardError.contains("dying"))
        let violations = ChildProtocolInvariant().check(
            CheckInput(scenario: Self.scenario, expectations: Oracle.expectations(for: Self.scenario), record: record))
        #expect(violations.first?.message.contains("exited with status 3") == true)
        _ = driver.exchange(Self.scenario, seed: 2, flushTimeout: .seconds(1))
        #expect(driver.starts == 2)
    }

    @Test("a driver that stops answering is killed at the deadline: a hang, never a stuck run")
    func hang() {
        let driver = Self.driver("sleep 30")
        let clock = ContinuousClock()
        let start = clock.now
        let record = driver.exchange(Self.scenario, seed: 1, flushTimeout: .seconds(1))
        #expect(record.hang?.killedProcesses.first?.hasPrefix("driver fake (pid") == true)
        #expect(clock.now - start < .seconds(10))
    }

    @Test("a line that is not protocol is kept as a bad line, and the driver is replaced")
    func garbage() throws {
        let driver = Self.driver("echo 'hello there'; echo '{\"type\":\"done\",\"run\":'$id',\"spans\":0}'")
        let record = driver.exchange(Self.scenario, seed: 1, flushTimeout: .seconds(1))
        let outcome = try #require(record.children.first)
        #expect(outcome.badLines.first?.excerpt == "'hello there'")
        _ = driver.exchange(Self.scenario, seed: 2, flushTimeout: .seconds(1))
        #expect(driver.starts == 2)
    }

    @Test("a driver that speaks another protocol version is refused at start")
    func version() {
        let driver = LanguageDriver(
            command: DriverCommand(
                name: "old", executable: "/bin/sh",
                arguments: ["-c", #"echo '{"type":"hello","protocol":9,"driver":"old","versions":{},"executors":[],"strategies":[],"faults":[],"processors":[]}'; sleep 5"#],
                environment: []))
        #expect(throws: DriverError.self) { try driver.start() }
    }
}
