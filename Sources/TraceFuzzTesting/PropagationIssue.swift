import Foundation
import Testing
import TraceFuzz

/// The text of the issue a property check records for a finding.
///
/// ```text
/// right-parent broke against ForgetfulPoolExecutor on TraceCore: seed 0x7, scenario 1 of 50, shrunk to …
/// [right-parent] 's3' at h1.t0 tracedPool/none should be a child of 's1', but the context was lost: …
///   expected: 's3' is a child of 's1'
///   actual:   's3' is a root
/// [right-trace] 's3' at h1.t0 tracedPool/none should be in the trace of 's1' (240a…), but is in f8e8…
///   …
///
/// expected
///   s1       top                    instance 0
///   ├─ s2    top                    instance 0
///   └─ s3    h1.t0 tracedPool/none  instance 0
///
/// actual
///   s1       top                    instance 0  trace A
///   └─ s2    top                    instance 0  trace A
///   s3       h1.t0 tracedPool/none  instance 0  trace B  ✗ wrong parent: expected under 's1'  ✗ wrong trace
///
/// reproduce: tracefuzz replay --seed 0x7 --executors tracedPool --strategies fresh,shared,none=7,carrier
/// rerun here: startingAt: 0x7, seeds: 1
/// shrunk scenario: {"deadlineMillis":10000,"format":1,"instances":[…],"steps":[…]}
/// ```
struct PropagationIssue {
    /// The most violations listed; the rest are counted.
    static let listedViolations = 10

    let finding: Finding
    let tracer: String
    var options: GeneratorOptions? = nil
    var firstSeed: UInt64 = 0
    var seeds = 0
    var shrunk = false

    var text: String {
        var lines = [headline]
        for violation in finding.violations.prefix(Self.listedViolations) {
            lines.append(violation.description)
        }
        if finding.violations.count > Self.listedViolations {
            lines.append("… and \(finding.violations.count - Self.listedViolations) more violations")
        }
        lines += ["", SpanTreeReport(finding).text, ""]
        if let options, let seed = finding.seed {
            lines.append("reproduce: \(ReplayCommand.line(seed: seed, options: options))")
            lines.append("rerun here: startingAt: \(SeedText.hex(seed)), seeds: 1")
        }
        lines.append(
            "\(finding.seed == nil ? "scenario" : "shrunk scenario"): \(Self.compactJSON(finding.scenario))")
        return lines.joined(separator: "\n")
    }

    private var headline: String {
        var line = "\(finding.invariant) broke against \(tracer)"
        if let seed = finding.seed {
            line += ": seed \(SeedText.hex(seed))"
            if seeds > 0 { line += ", scenario \(seed &- firstSeed &+ 1) of \(seeds)" }
        }
        line += shrunk ? ", shrunk to " : ", "
        line += ScenarioSize(finding.scenario).description
        if let hang = finding.record.hang {
            let pending = hang.pending.joined(separator: ", ")
            line += " (did not finish within \(hang.deadlineMillis) ms; pending: \(pending))"
        }
        return line
    }

    /// The scenario as one line of JSON with sorted keys, ready to paste into a file.
    static func compactJSON(_ scenario: Scenario) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(scenario)).map { String(decoding: $0, as: UTF8.self) }
            ?? "(not encodable)"
    }

    /// The text, after the caller's comment if there is one.
    static func prefixed(_ comment: Comment?, _ text: String) -> Comment {
        Comment(rawValue: comment.map { "\($0.rawValue)\n\(text)" } ?? text)
    }
}
