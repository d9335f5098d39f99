import Foundation
import Testing
import TraceCore
import TraceFuzz

extension ReportsTests {
    @Suite("OTLPExport")
    struct OTLPExportTests {
        /// The request's spans with their service names.
        static func spans(_ data: Data) throws -> [(service: String, span: [String: Any])] {
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var result: [(String, [String: Any])] = []
            for resource in object["resourceSpans"] as? [[String: Any]] ?? [] {
                let attributes =
                    (resource["resource"] as? [String: Any])?["attributes"] as? [[String: Any]] ?? []
                let service = attributes.first { $0["key"] as? String == "service.name" }
                let name = (service?["value"] as? [String: Any])?["stringValue"] as? String ?? "?"
                for scope in resource["scopeSpans"] as? [[String: Any]] ?? [] {
                    for span in scope["spans"] as? [[String: Any]] ?? [] { result.append((name, span)) }
                }
            }
            return result
        }

        static func attribute(_ span: [String: Any], _ key: String) -> Any? {
            let attributes = span["attributes"] as? [[String: Any]] ?? []
            let value = attributes.first { $0["key"] as? String == key }?["value"] as? [String: Any]
            return value?["stringValue"] ?? value?["intValue"]
        }

        /// The OTLP export of a planted run whose restore ignores the context, and its spans.
        static func plantedExport() async throws -> (RunOutcome, OTLPExport, [(service: String, span: [String: Any])]) {
            let outcome = await runOnce(
                ReportFixtures.fanOut, PlantedAdapterFactory(bug: .restoreIgnoresContext))
            let export = OTLPExport(
                scenario: ReportFixtures.fanOut, record: outcome.record, violations: outcome.violations)
            return (outcome, export, try spans(export.data()))
        }

        @Test("a planted run's spans: one service per instance, hex IDs, parents enclosing children")
        func plantedRun() async throws {
            let (_, export, spans) = try await Self.plantedExport()
            #expect(spans.count == 4)
            #expect(Set(spans.map(\.service)) == ["instance-0", "instance-1"])
            for (_, span) in spans {
                let traceID = try #require(span["traceId"] as? String)
                #expect(traceID.count == 32 && traceID == traceID.lowercased())
                #expect((span["spanId"] as? String)?.count == 16)
                let start = try #require(UInt64(span["startTimeUnixNano"] as? String ?? ""))
                let end = try #require(UInt64(span["endTimeUnixNano"] as? String ?? ""))
                #expect(start < end)
            }
            let work1 = try #require(spans.first { $0.span["name"] as? String == "work-1" })
            #expect(work1.service == "instance-1")
            #expect(Self.attribute(work1.span, "tracefuzz.site") as? String == "h1.t0 pool/fresh")
            #expect(Self.attribute(work1.span, "tracefuzz.expected_parent") as? String == "request")
            #expect(
                (Self.attribute(work1.span, "tracefuzz.marks") as? String)?.hasPrefix("wrong parent") == true)
            #expect(export.data().last == UInt8(ascii: "\n"))
        }

        @Test("a span that broke an invariant is red in a viewer: an error status and an event per violation")
        func markedSpans() async throws {
            let (outcome, _, spans) = try await Self.plantedExport()
            let work1 = try #require(spans.first { $0.span["name"] as? String == "work-1" }).span
            let status = try #require(work1["status"] as? [String: Any])
            #expect(status["code"] as? Int == 2)
            #expect((status["message"] as? String)?.contains("right-parent") == true)
            let events = try #require(work1["events"] as? [[String: Any]])
            #expect(!events.isEmpty && events.allSatisfy { $0["name"] as? String == "tracefuzz.violation" })
            #expect(events.contains { Self.attribute($0, "tracefuzz.invariant") as? String == "right-parent" })
            let message = try #require(Self.attribute(events[0], "tracefuzz.message") as? String)
            #expect(outcome.violations.contains { $0.message == message })
            let request = try #require(spans.first { $0.span["name"] as? String == "request" }).span
            #expect(request["status"] == nil && request["events"] == nil)
        }

        @Test("times are the run's own when the tracer reports them, synthetic when any span lacks them")
        func recordedTimes() async throws {
            // The wall clock, give or take a millisecond for the rounding of `Date`.
            let before = UInt64(Date().timeIntervalSince1970 * 1e9) - 1_000_000
            let outcome = await runOnce(ReportFixtures.fanOut, TraceCoreAdapterFactory())
            let after = UInt64(Date().timeIntervalSince1970 * 1e9) + 1_000_000
            let export = OTLPExport(scenario: ReportFixtures.fanOut, record: outcome.record)
            for (span, exported) in zip(export.spans, outcome.record.exported) {
                #expect(span.startNanos == exported.startNanos && span.endNanos == exported.endNanos)
                #expect(before <= span.startNanos && span.startNanos <= span.endNanos && span.endNanos <= after)
            }
            var partial = outcome.record
            partial.exported[0].startNanos = nil
            let synthetic = OTLPExport(scenario: ReportFixtures.fanOut, record: partial)
            #expect(synthetic.spans.allSatisfy { $0.startNanos >= OTLPExport.epochNanos && $0.startNanos < before })
        }

        @Test("a clean run keeps its parent links, and every parent encloses its child")
        func nesting() async throws {
            let outcome = await runOnce(ReportFixtures.fanOut, TraceCoreAdapterFactory())
            let export = OTLPExport(scenario: ReportFixtures.fanOut, record: outcome.record)
            let byName = Dictionary(uniqueKeysWithValues: export.spans.map { ($0.name, $0) })
            let request = try #require(byName["request"])
            for child in ["work-1", "work-2"] {
                let span = try #require(byName[child])
                #expect(span.parentSpanID == request.context.spanID)
                #expect(request.startNanos < span.startNanos && span.endNanos < request.endNanos)
            }
            #expect(export.spans.allSatisfy { $0.attributes["tracefuzz.marks"] == nil })
        }

        @Test("IDs that are not hex are hashed, and the original is kept")
        func foreignIDs() throws {
            var record = RunRecord()
            record.exported = [
                ExportedSpan(
                    label: "request", identity: SpanIdentity(traceID: "trace-1", spanID: "span-1"),
                    parentSpanID: nil,
                    exportedBy: 0, sessionInstance: 0),
                ExportedSpan(
                    label: "work", identity: SpanIdentity(traceID: "trace-1", spanID: "span-2"),
                    parentSpanID: "span-1",
                    exportedBy: 0, sessionInstance: 0),
            ]
            let export = OTLPExport(
                scenario: Scenario(steps: [span("request", span("work"))]), record: record)
            #expect(export.spans[1].parentSpanID == export.spans[0].context.spanID)
            #expect(export.spans[0].context.traceID == export.spans[1].context.traceID)
            #expect(export.spans[0].context.traceID.isValid)
            let spans = try Self.spans(export.data())
            #expect(Self.attribute(spans[1].span, "tracefuzz.original_id") as? String == "trace-1/span-2")
        }

        @Test("upper-case hex IDs are kept, in lowercase")
        func upperCaseIDs() {
            var record = RunRecord()
            record.exported = [
                ExportedSpan(
                    label: "request",
                    identity: SpanIdentity(
                        traceID: "0AF7651916CD43DD8448EB211C80319C", spanID: "B7AD6B7169203331"),
                    parentSpanID: nil, exportedBy: 0, sessionInstance: 0)
            ]
            let export = OTLPExport(scenario: Scenario(steps: [span("request")]), record: record)
            #expect(export.spans[0].context.spanID.hexString == "b7ad6b7169203331")
            #expect(export.spans[0].attributes["tracefuzz.original_id"] == nil)
        }

        @Test("the file is written atomically and reads back")
        func written() throws {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "otlp-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: url) }
            let export = OTLPExport(ReportFixtures.lostContextFinding)
            try export.write(to: url)
            #expect(try Data(contentsOf: url) == export.data())
            #expect(try Self.spans(Data(contentsOf: url)).count == 4)
        }
    }
}
