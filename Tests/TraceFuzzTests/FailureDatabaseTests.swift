import Foundation
import Testing
import TraceFuzz

@Suite("FailureDatabase")
struct FailureDatabaseTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tracefuzz-db-\(UInt64.random(in: 0...UInt64.max))")
    }

    private func finding(seed: UInt64) async throws -> Finding {
        let fuzzer = Fuzzer(factory: PlantedAdapterFactory(bug: .exportsTwice))
        return try #require(await fuzzer.run(seed: seed, budget: .iterations(20)).findings.first)
    }

    @Test("a saved finding loads back whole, and as a plain scenario")
    func saveAndLoad() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = FailureDatabase(directory: directory)
        let found = try await finding(seed: 5)
        let stored = StoredFinding(found, tracer: "planted")
        let url = try database.save(stored)
        #expect(url.lastPathComponent.hasPrefix("no-duplicates-"))
        #expect(url.lastPathComponent.count == "no-duplicates-".count + 8 + ".json".count)
        let entries = try database.entries()
        #expect(entries.map(\.finding) == [stored])
        #expect(try ScenarioLoader.load(contentsOf: url) == found.scenario)
        #expect(entries.first?.finding.seedValue == found.seed)
        #expect(entries.first?.finding.choices == found.choices?.values)
    }

    @Test("the same scenario and invariant map to the same file; no temporary files remain")
    func stableNames() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = FailureDatabase(directory: directory)
        let stored = StoredFinding(try await finding(seed: 5), tracer: "planted")
        let first = try database.save(stored)
        let second = try database.save(stored)
        #expect(first == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [first.lastPathComponent])
    }

    @Test("a corrupt entry is an error naming the file and the JSON path")
    func corruptEntry() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(#"{"format": 1, "invariant": "x", "message": "", "tracer": "t"}"#.utf8)
            .write(to: directory.appendingPathComponent("broken.json"))
        #expect {
            _ = try FailureDatabase(directory: directory).entries()
        } throws: { error in
            (error as? ScenarioError)?.path == "broken.json: $.scenario"
        }
    }

    @Test("seeds print as hex and parse from hex or decimal", arguments: [0, 42, UInt64.max])
    func seedText(seed: UInt64) {
        #expect(SeedText.parse(SeedText.hex(seed)) == seed)
        #expect(SeedText.parse(String(seed)) == seed)
        #expect(SeedText.parse("0xZZ") == nil)
    }
}
