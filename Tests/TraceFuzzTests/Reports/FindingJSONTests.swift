import Foundation
import Testing
import TraceFuzz

extension ReportsTests {
    @Suite("FindingJSON")
    struct FindingJSONTests {
        @Test("a finding round-trips, with its replay line and tree")
        func roundTrip() throws {
            var options = GeneratorOptions()
            options.maxHops = 2
            let json = FindingJSON(ReportFixtures.lostContextFinding, options: options, tracer: "TraceCore")
            #expect(json.seed == "0x2a")
            #expect(json.invariant == "right-parent")
            #expect(json.replay == "tracefuzz replay --seed 0x2a --max-hops 2")
            #expect(json.tree.first == "expected")
            #expect(json.tree.contains { $0.contains("✗ wrong parent") })
            let decoded = try JSONDecoder().decode(FindingJSON.self, from: json.data())
            #expect(decoded == json)
            #expect(json.data() == json.data())
        }

        @Test("a written finding loads as its scenario")
        func loadsAsScenario() throws {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "finding-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: url) }
            try FindingJSON(ReportFixtures.lostContextFinding).write(to: url)
            #expect(try ScenarioLoader.load(contentsOf: url) == ReportFixtures.fanOut)
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            let violations = object?["violations"] as? [[String: Any]]
            #expect(violations?.first?["mark"] as? String == "wrongParent")
            #expect(object?["tracer"] == nil)
        }
    }
}
