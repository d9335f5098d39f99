import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

/// A binary built with ``TraceFuzzCommandLine`` for several tracers: `--tracer` selects one, a wrong name
/// is bad usage naming the tracers, and every replay line names the binary and the tracer.
@Suite("TraceFuzzCommandLine: --tracer")
struct TracerSelectionTests {
    /// Two tracers: TraceCore, and TraceCore whose restore forgets the context.
    static let tool = TraceFuzzCommandLine(
        name: "my-tracefuzz",
        tracers: [
            FuzzTarget("good", TraceCoreAdapterFactory()),
            FuzzTarget("forgetful", ForgetfulAdapterFactory(), summary: "TraceCore that forgets on restore"),
        ])

    static func run(_ arguments: [String]) async -> Invocation {
        // The context the binary starts with: its first tracer.
        await Invocation.run(arguments, factory: TraceCoreAdapterFactory(), tool: tool)
    }

    @Test("--help lists the binary's tracers under its own name, and no mutants command")
    func help() async {
        let invocation = await Self.run(["--help"])
        #expect(invocation.status == .clean)
        #expect(invocation.output.hasPrefix("my-tracefuzz: fuzz trace-context propagation"))
        #expect(invocation.output.contains("  forgetful   TraceCore that forgets on restore"))
        #expect(!invocation.output.contains("mutants"))
        let unknown = await Self.run(["mutants"])
        #expect(unknown.status == .badInput)
    }

    @Test("--tracer selects the tracer fuzzed: the default is clean, the forgetful one is found")
    func selects() async throws {
        let findings = try makeTemporaryDirectory().path
        let flags = ["--findings-dir", findings, "--seed", "1", "--iterations", "40", "--no-shrink", "--no-database", "--quiet",
                     "--strategies", "fresh", "--executors", "pool"]
        let good = await Self.run(["run"] + flags)
        #expect(good.status == .clean, "\(good.error)")
        let forgetful = await Self.run(["run", "--tracer", "forgetful"] + flags)
        #expect(forgetful.status == .finding)
        #expect(forgetful.output.contains("fuzzing TraceCore (forgetful restore)"))
        // The replay line starts this binary, for this tracer.
        #expect(forgetful.output.contains("my-tracefuzz replay --tracer forgetful --seed 0x"), "\(forgetful.output)")
    }

    @Test("an unknown tracer is bad usage that names the tracers; nothing runs")
    func unknownTracer() async {
        let invocation = await Self.run(["run", "--tracer", "nope", "--iterations", "1"])
        #expect(invocation.status == .badInput)
        #expect(invocation.error.contains("--tracer: 'nope' is not a tracer of my-tracefuzz; its tracers: good, forgetful"))
        #expect(!invocation.output.contains("fuzzing"))
        let missing = await Self.run(["run", "--tracer"])
        #expect(missing.status == .badInput)
        #expect(missing.error.contains("--tracer: expects a tracer name"))
    }

    @Test("the children of process hops are this binary in worker mode for the selected tracer")
    func workerArguments() {
        let worker = CommandContext.worker(tracer: "forgetful")
        if ProcessInfo.processInfo.environment[WorkerLocator.environmentVariable] == nil {
            #expect(worker?.arguments == ["worker", "--tracer", "forgetful"])
            #expect(worker?.path == WorkerLocator.runningExecutable())
        }
    }

    @Test("commands run scenarios where the selected tracer's process-hop children are its own workers")
    func selectedRuntime() throws {
        if ProcessInfo.processInfo.environment[WorkerLocator.environmentVariable] == nil {
            let context = CommandContext.standard(for: Self.tool).selecting(Self.tool.tracers[1])
            let runtime = try #require(context.runtime as? RealRuntime)
            #expect(runtime.processes.worker?.arguments == ["worker", "--tracer", "forgetful"])
        }
    }

    @Test("a worker starts the children of its own process hops for its tracer too")
    func nestedWorkerArguments() {
        #expect(WorkerCommand.childArguments(tracer: "swift-otel") == ["worker", "--tracer", "swift-otel"])
        #expect(WorkerCommand.childArguments(tracer: nil) == ["worker"])
    }

    @Test("a binary with one tracer prints plain replay lines")
    func singleTracerLines() async throws {
        let invocation = await Invocation.run(
            ["run", "--findings-dir", try makeTemporaryDirectory().path, "--seed", "1", "--iterations", "40", "--no-shrink", "--no-database", "--quiet",
             "--strategies", "fresh", "--executors", "pool"],
            factory: ForgetfulAdapterFactory())
        #expect(invocation.output.contains("tracefuzz replay --seed 0x"))
        #expect(!invocation.output.contains("--tracer"))
    }
}
