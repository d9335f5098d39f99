import Foundation
import Testing
import TraceFuzz

/// Where the failure database is: `Scenarios/regressions` of the package, found from this file's path.
private enum RegressionLocation {
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.appendingPathComponent("Scenarios/regressions", isDirectory: true)
            }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "Scenarios/regressions", isDirectory: true)
    }()

    /// The database's entry files, sorted.
    static let fileNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()
}

/// Replays every entry of the failure database stored against TraceCore and expects it to pass: each is
/// a bug the fuzzer found and that was fixed, and must stay fixed.
@Suite("Regressions")
struct RegressionTests {
    /// Runs an entry gets: the races these bugs were do not fail every run.
    static let attempts = 40

    @Test("every entry loads, names its tracer, and sits under the file name its content gives it")
    func entriesAreWellFormed() throws {
        let entries = try FailureDatabase(directory: RegressionLocation.directory).entries()
        #expect(entries.map(\.url.lastPathComponent) == RegressionLocation.fileNames)
        for entry in entries {
            #expect(!entry.finding.tracer.isEmpty)
            #expect(entry.url.lastPathComponent == FailureDatabase.fileName(for: entry.finding))
            #expect(entry.finding.format == Scenario.currentFormat)
        }
    }

    @Test("the database holds at least the first real finding")
    func notEmpty() {
        #expect(!RegressionLocation.fileNames.isEmpty)
    }

    @Test(
        "a TraceCore regression replays and passes: the bug stays fixed",
        arguments: RegressionLocation.fileNames)
    func staysFixed(name: String) async throws {
        let stored = try FailureDatabase.load(RegressionLocation.directory.appendingPathComponent(name))
        guard stored.tracer == "TraceCore" else { return }
        let fuzzer = Fuzzer(factory: TraceCoreAdapterFactory())
        let (outcome, attempt) = await fuzzer.replay(
            stored.scenario, seed: stored.seedValue ?? 0, attempts: Self.attempts)
        switch outcome {
        case .passed: break
        case .unsupported(let record):
            Issue.record("\(name) cannot run on TraceCore: \(record.unsupported ?? "unsupported")")
        case .failed(let result, _):
            let lines = result.violations.map(\.description).joined(separator: "\n")
            Issue.record(
                "\(name) fails again on attempt \(attempt) (\(stored.invariant) was fixed):\n\(lines)")
        }
    }
}
