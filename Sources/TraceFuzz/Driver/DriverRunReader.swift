import Foundation

/// Turns one run's answer lines into the engine's ``RunRecord``, and records what was wrong with them:
/// a line that is not protocol, a line of another run, a `done` whose span count does not match, a driver
/// that ended or stopped answering before `done`. Those are kept on a ``ChildOutcome`` for the driver
/// (its site `driver NAME`), which `child-protocol` reports.
struct DriverRunReader {
    let run: Int
    let driver: String
    private(set) var record = RunRecord()
    private(set) var done = false
    private var outcome: ChildOutcome
    private var lineNumber = 0
    private var spanLines = 0
    private let decoder = JSONDecoder()

    init(run: Int, instances: Int, driver: String) {
        self.run = run
        self.driver = driver
        record.contextRules = .python
        record.dropped = Array(repeating: 0, count: instances)
        outcome = ChildOutcome(site: "driver \(driver)")
    }

    /// Whether a line was not protocol.
    var hasBadLines: Bool { outcome.badLineCount > 0 }

    /// Reads one line.
    mutating func take(_ bytes: [UInt8]) {
        lineNumber += 1
        let decoded: (line: DriverLine, run: Int?)
        do {
            decoded = try DriverLine.decode(bytes, with: decoder)
        } catch {
            bad(bytes, reason: Self.reason(error))
            return
        }
        guard decoded.run == run else {
            bad(bytes, reason: "it answers run \(decoded.run.map(String.init) ?? "none"), not run \(run)")
            return
        }
        switch decoded.line {
        case .worker(let line): take(line, bytes)
        case .exception(let exception): record.exceptions.append(exception)
        case .error(let message): bad(bytes, reason: "the driver refused the request: \(message)")
        case .hello: bad(bytes, reason: "a second hello")
        }
    }

    private mutating func take(_ line: WorkerLine, _ bytes: [UInt8]) {
        switch line {
        case .span(let span):
            spanLines += 1
            record.exported.append(span)
        case .observed(let observed): record.observed[observed.label] = observed.identity
        case .ended(let ended): record.ended.append(ended.label)
        case .flush(let flush): record.flushes.append(flush)
        case .leak(let leak): record.leaks.append(leak)
        case .dropped(let dropped):
            if record.dropped.indices.contains(dropped.instance) {
                record.dropped[dropped.instance] += dropped.count
            } else {
                bad(bytes, reason: "instance \(dropped.instance) is not one of the scenario's")
            }
        case .loss(let loss): record.expectedLosses.append(loss)
        case .child(let child): record.children.append(child)
        case .tasks(let count): record.tasksRun += count.count
        case .unsupported(let unsupported):
            record.unsupported = "the \(driver) driver cannot run it: \(unsupported.reason)"
        case .unflushed, .diagnostics: break
        case .done(let end):
            done = true
            if end.spans != spanLines {
                outcome.sawDone = true
                outcome.doneSpans = end.spans
                outcome.spanLines = spanLines
                outcome.exitStatus = 0
                record.children.append(outcome)
            }
        }
    }

    private mutating func bad(_ bytes: [UInt8], reason: String) {
        outcome.badLineCount += 1
        if outcome.badLines.count < ChildOutcome.maxBadLines {
            outcome.badLines.append(
                ChildOutcome.BadLine(number: lineNumber, excerpt: Excerpt.of(bytes), reason: reason))
        }
    }

    /// The driver's output ended before `done` (`crashed`), or it wrote bad lines and was replaced.
    mutating func ended(process: DriverProcess, ending: DriverProcess.Ending, crashed: Bool) {
        outcome.pid = process.pid
        outcome.exitStatus = ending.status
        outcome.signal = ending.signal
        outcome.sawDone = !crashed
        outcome.spanLines = spanLines
        outcome.doneSpans = crashed ? nil : spanLines
        outcome.standardError = String(decoding: process.standardError, as: UTF8.self)
        if crashed && ending.status == 0 && ending.signal == nil {
            // Exiting 0 in the middle of a run is no better than crashing.
            outcome.exitStatus = 1
            outcome.standardError = "(exited 0 before answering run \(run)) " + outcome.standardError
        }
        record.children.append(outcome)
    }

    /// The driver did not answer before the deadline; it has been killed and reaped.
    mutating func hung(pid: Int32, deadlineMillis: Int, ending: DriverProcess.Ending) {
        record.hang = HangReport(
            deadlineMillis: deadlineMillis,
            pending: ["the \(driver) driver had not finished run \(run)"],
            killedProcesses: ["driver \(driver) (pid \(pid))"],
            arrived: record.exported.map(\.label).sorted())
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context):
            return context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        default: return "not JSON"
        }
    }
}
