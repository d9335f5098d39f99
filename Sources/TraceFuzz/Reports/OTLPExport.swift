import Foundation
import TraceCore

/// A failing run's exported spans as an OTLP/JSON file (`--export-otlp FILE`) that trace viewers and an
/// OpenTelemetry collector's `otlpjsonfile` receiver load.
///
/// The file is one `ExportTraceServiceRequest` on one line, written by TraceCore's ``OTLPJSONEncoder``.
/// Each tracer instance is its own service, `instance-0`, `instance-1`, …, so a viewer shows which
/// instance exported what. Spans are exactly what the tracer exported, duplicates included, with
/// these attributes from the scenario and the checks:
///
/// - `tracefuzz.site`: where the span ran, such as `h1.t0 pool/fresh`;
/// - `tracefuzz.expected_parent`: the parent the oracle expects, or `(root)`;
/// - `tracefuzz.marks`: what is wrong with it, such as `wrong parent`, when anything is;
/// - `tracefuzz.session`: the instance named by the span's session, when it carries one.
///
/// A span that broke an invariant has an error status naming the invariants, and one event per violation,
/// `tracefuzz.violation`, with the attributes `tracefuzz.invariant` and `tracefuzz.message`: a viewer shows
/// it red, with what went wrong.
///
/// Times are the run's own when the tracer reported them for every exported span (TraceCore does:
/// ``ExportedSpan/startNanos``); otherwise they are synthetic: 1 ms steps from a fixed epoch, nested so
/// that every exported parent encloses its exported children. IDs are written as
/// lowercase hex; IDs that are not hex at all (a tracer with its own ID scheme) are hashed into valid
/// ones, and the original goes into `tracefuzz.original_id`.
///
/// ```swift
/// try OTLPExport(finding).write(to: URL(fileURLWithPath: "finding.otlp.json"))
/// ```
public struct OTLPExport: Sendable {
    /// The spans as TraceCore span data, in export order.
    public let spans: [SpanData]

    /// The first start time: 2023-11-14T22:13:20Z, in nanoseconds since the Unix epoch.
    public static let epochNanos: UInt64 = 1_700_000_000_000_000_000
    /// The synthetic time between two span events, in nanoseconds.
    public static let stepNanos: UInt64 = 1_000_000

    /// The export of a finding's failing run.
    public init(_ finding: Finding) {
        self.init(scenario: finding.scenario, record: finding.record, violations: finding.violations)
    }

    /// The export of one run of `scenario`; `violations` supply the `tracefuzz.marks` attribute.
    public init(scenario: Scenario, record: RunRecord, violations: [Violation] = []) {
        let expectations = Dictionary(
            Oracle.expectations(
                for: scenario, tracedPoolPropagates: record.tracedPoolPropagates, rules: record.contextRules).map { ($0.label, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var marks: [String: [String]] = [:]
        var broken: [String: [Violation]] = [:]
        for violation in violations where violation.mark != .run {
            let title = SpanTreeReport.title(of: violation.mark)
            for label in violation.labels {
                if !(marks[label] ?? []).contains(title) { marks[label, default: []].append(title) }
                broken[label, default: []].append(violation)
            }
        }
        let times = Self.recordedTimes(record.exported) ?? Self.times(record.exported)
        spans = record.exported.enumerated().map { index, span in
            var attributes: Attributes = [:]
            if let expectation = expectations[span.label] {
                attributes["tracefuzz.site"] = .string(expectation.site)
                attributes["tracefuzz.expected_parent"] = .string(expectation.parent ?? "(root)")
            }
            if let marked = marks[span.label] {
                attributes["tracefuzz.marks"] = .string(marked.joined(separator: ", "))
            }
            if let session = span.sessionInstance { attributes["tracefuzz.session"] = .int(Int64(session)) }
            let parsedTrace = TraceID(hexString: span.identity.traceID.lowercased())
            let parsedSpan = SpanID(hexString: span.identity.spanID.lowercased())
            if parsedTrace == nil || parsedSpan == nil {
                attributes["tracefuzz.original_id"] = .string(
                    "\(span.identity.traceID)/\(span.identity.spanID)")
            }
            let traceID = parsedTrace ?? Self.hashedTraceID(span.identity.traceID)
            let spanID = parsedSpan ?? SpanID(Self.hash(span.identity.spanID))
            let parentID = span.parentSpanID.map {
                SpanID(hexString: $0.lowercased()) ?? SpanID(Self.hash($0))
            }
            var data = SpanData(
                name: span.label, context: SpanContext(traceID: traceID, spanID: spanID),
                parentSpanID: parentID,
                startNanos: times[index].start, endNanos: times[index].end, attributes: attributes,
                resource: Resource(attributes: ["service.name": .string("instance-\(span.exportedBy)")]),
                scopeName: "tracefuzz")
            if let own = broken[span.label] {
                Self.mark(&data, with: own)
            }
            return data
        }
    }

    /// Gives a span that broke invariants an error status naming them and an event per violation.
    static func mark(_ data: inout SpanData, with violations: [Violation]) {
        var invariants: [String] = []
        for violation in violations where !invariants.contains(violation.invariant) {
            invariants.append(violation.invariant)
        }
        data.status = .error(description: "broke " + invariants.joined(separator: ", "))
        data.events = violations.map { violation in
            SpanEvent(
                name: "tracefuzz.violation", timeNanos: data.endNanos,
                attributes: [
                    "tracefuzz.invariant": .string(violation.invariant),
                    "tracefuzz.message": .string(violation.message),
                ])
        }
    }

    /// The OTLP/JSON request, one line, with a trailing newline.
    public func data() -> Data {
        var data = OTLPJSONEncoder.encode(spans)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Writes ``data()`` to `url` atomically (a temporary file, then a rename).
    public func write(to url: URL) throws {
        try data().write(to: url, options: .atomic)
    }

    // MARK: - Synthetic times and IDs

    /// The tracer's own start and end times, by index into `exported`, when it reported both for every
    /// span; `nil` otherwise, since a mix of real and synthetic times would mislead.
    static func recordedTimes(_ exported: [ExportedSpan]) -> [(start: UInt64, end: UInt64)]? {
        var result: [(start: UInt64, end: UInt64)] = []
        result.reserveCapacity(exported.count)
        for span in exported {
            guard let start = span.startNanos, let end = span.endNanos else { return nil }
            result.append((start, end))
        }
        return result
    }

    /// Synthetic start and end times, by index into `exported`: a depth-first walk over parent span IDs, one step
    /// per entry and exit, so parents enclose children. A span whose parent was not exported is a root.
    static func times(_ exported: [ExportedSpan]) -> [(start: UInt64, end: UInt64)] {
        var indexesBySpanID: [String: [Int]] = [:]
        for (index, span) in exported.enumerated() {
            indexesBySpanID[span.identity.spanID, default: []].append(index)
        }
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for (index, span) in exported.enumerated() {
            if let parentID = span.parentSpanID, let parent = indexesBySpanID[parentID]?.first,
                parent != index
            {
                children[parent, default: []].append(index)
            } else {
                roots.append(index)
            }
        }
        var result = [(start: UInt64, end: UInt64)](repeating: (0, 0), count: exported.count)
        var visited = [Bool](repeating: false, count: exported.count)
        var tick: UInt64 = 0
        func visit(_ index: Int) {
            guard !visited[index] else { return }
            visited[index] = true
            result[index].start = epochNanos + tick * stepNanos
            tick += 1
            for child in children[index] ?? [] { visit(child) }
            result[index].end = epochNanos + tick * stepNanos
            tick += 1
        }
        for root in roots { visit(root) }
        // Parent cycles reach no root: give those spans times of their own.
        for index in exported.indices { visit(index) }
        return result
    }

    /// FNV-1a, never zero: a stable stand-in for an ID that is not hex.
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        return value == 0 ? 1 : value
    }

    private static func hashedTraceID(_ text: String) -> TraceID {
        TraceID(high: hash(text), low: hash(text + "#"))
    }
}
