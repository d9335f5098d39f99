import Foundation
import Testing

/// Stops the built `tracefuzz` with `SIGINT` and `SIGTERM` in a child process, as Ctrl-C and a CI job's
/// timeout do, and checks what it leaves: its exit status, its summary and every report it was asked for.
@Suite("tracefuzz binary: graceful stop on SIGINT and SIGTERM", .serialized)
struct SignalTests {
    private let directory: URL

    init() throws { directory = try makeTemporaryDirectory() }

    /// A started child whose output goes to files.
    private struct Child {
        let process: Process
        let output: URL
        let error: URL
        let exited: AsyncStream<Int32>

        func text(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
    }

    private func start(_ arguments: [String]) throws -> Child {
        let executable = try #require(BuiltTool.url, "tracefuzz is not built next to the test bundle")
        let output = directory.appendingPathComponent("out.txt")
        let error = directory.appendingPathComponent("err.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        let (exited, continuation) = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { process in
            continuation.yield(process.terminationStatus)
            continuation.finish()
        }
        try process.run()
        return Child(process: process, output: output, error: error, exited: exited)
    }

    /// Waits (polling, up to 30 s) until `condition` holds.
    private func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<300 where !condition() { try await Task.sleep(for: .milliseconds(100)) }
    }

    /// The status the child exits with, or `nil` if it is still running after 30 s (then it is killed).
    private func status(of child: Child) async -> Int32? {
        let result = await withTaskGroup(of: Int32?.self) { group in
            group.addTask { await child.exited.first { _ in true } }
            group.addTask {
                try? await Task.sleep(for: .seconds(30))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if result == nil { child.process.terminate() }
        return result
    }

    @Test("SIGTERM: stress stops, writes every report and its summary, and exits 143")
    func terminate() async throws {
        let child = try start([
            "stress", "--seed", "1", "--time", "10m", "--progress-interval", "200ms", "--junit", "j.xml",
            "--report", "r.json", "--export-otlp", "o.json",
        ])
        try await waitUntil { child.text(child.error).contains(" scenarios, ") }
        #expect(child.text(child.error).contains(" scenarios, "), "no progress line: \(child.text(child.error))")
        child.process.terminate()
        let status = await status(of: child)
        #expect(status == 143, "\(child.text(child.output))\n\(child.text(child.error))")
        #expect(child.process.terminationReason == .exit)
        let output = child.text(child.output)
        #expect(output.contains("\nstopped by SIGTERM: the summary and reports cover what ran before it\n"))
        #expect(output.contains("\nstress summary: "))
        for name in ["j.xml", "r.json", "o.json"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name)")
        }
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("r.json"))) as? [String: Any]
        #expect(report?["status"] as? Int == 143)
    }

    @Test("SIGINT: run stops, writes its JUnit file and statistics, and exits 130")
    func interrupt() async throws {
        let child = try start(["run", "--seed", "1", "--time", "10m", "--keep-going", "--junit", "j.xml"])
        try await waitUntil { child.text(child.output).contains("fuzzing TraceCore") }
        try await Task.sleep(for: .milliseconds(500))
        child.process.interrupt()
        let status = await status(of: child)
        #expect(status == 130, "\(child.text(child.output))\n\(child.text(child.error))")
        let output = child.text(child.output)
        #expect(output.contains("\nstopped by SIGINT: "))
        #expect(output.contains("\nstatistics\n"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("j.xml").path))
    }

    @Test("two signals at once still end the process with an exit status, never a hang or a signal death")
    func secondSignal() async throws {
        let child = try start(["run", "--seed", "1", "--time", "10m", "--keep-going"])
        try await waitUntil { child.text(child.output).contains("fuzzing TraceCore") }
        try await Task.sleep(for: .milliseconds(500))
        child.process.interrupt()
        kill(child.process.processIdentifier, SIGTERM)
        let status = await status(of: child)
        // Which of the two is handled first is up to the kernel: the status is that one's.
        #expect(status == 130 || status == 143, "\(child.text(child.output))\n\(child.text(child.error))")
        #expect(child.process.terminationReason == .exit)
    }
}
