import Foundation
import TraceFuzz

/// What a command runs with: where it writes, the tracer it fuzzes, where its scenarios run, and where
/// random seeds come from.
///
/// ``standard(for:)`` is the real thing; tests swap in a recording console, a tracer with a planted bug,
/// or a fixed source of random seeds.
struct CommandContext: Sendable {
    /// Where output goes.
    var console: Console
    /// Makes the tracer adapter under test for each run.
    var factory: any TracerAdapterFactory
    /// Draws a seed when none is given on the command line.
    var randomSeed: @Sendable () -> Seed
    /// The failure database `run`, `stress` and `corpus list`/`prune` use when no flag names one: the
    /// working database `.tracefuzz/findings` (under the working directory) for the real tool; none
    /// unless set, so a test running a command in process never saves anywhere by accident.
    var defaultDatabase: String? = nil
    /// Starts watching for `SIGINT` and `SIGTERM`, for `run` and `stress`: the real tool installs
    /// handlers; none unless set, so a test running a command in process leaves its signals alone.
    var watchSignals: @Sendable () -> Interruption? = { nil }
    /// The binary: its name, its tracers, whether it offers the mutant catalog.
    var tool = TraceFuzzCommandLine.builtIn
    /// The tracer `--tracer` selected, by name; `nil` for the default.
    var tracerName: String? = nil
    /// Where every command runs scenarios: the real runtime, with the children of `process` hops started
    /// as this same binary for the selected tracer, or the selected language driver's runtime.
    var runtime: any ScenarioRuntime = RealRuntime()
    /// The language driver `--driver` selected: its runtime runs every scenario, and its words and
    /// generator defaults go into replay lines. `nil` for Swift tracers.
    var driver: SelectedDriver? = nil


    /// The words that start this binary in `command` for the selected tracer: `tracefuzz replay`, or
    /// `tracefuzz-tracing replay --tracer swift-otel` when the binary has several tracers.
    var replayTool: ReplayTool {
        ReplayTool(
            program: tool.name, tracer: tool.tracers.count > 1 ? tracerName ?? tool.tracers[0].name : nil,
            driver: driver?.words ?? [], defaults: driver?.defaults ?? GeneratorOptions())
    }

    /// Standard output and error, the tool's default tracer, the system's random numbers, and
    /// `.tracefuzz/findings`.
    static func standard(for tool: TraceFuzzCommandLine) -> CommandContext {
        CommandContext(
            console: .standard, factory: tool.tracers[0].factory,
            randomSeed: {
                var generator = SystemRandomNumberGenerator()
                return Seed.random(using: &generator)
            }, defaultDatabase: DatabaseFlags.workingDirectory,
            watchSignals: { Interruption.install() }, tool: tool
        ).selecting(tool.tracers[0])
    }

    /// This context with `name` as the tracer under test, and its children started for that tracer.
    func selecting(_ target: FuzzTarget) -> CommandContext {
        var context = self
        context.factory = target.factory
        context.tracerName = target.name
        var processes = ProcessHopOptions()
        processes.worker = Self.worker(tracer: target.name)
        context.runtime = RealRuntime(processes: processes)
        return context
    }

    /// This binary, started in worker mode for `tracer`; `nil` (the worker locator decides) when
    /// `TRACEFUZZ_WORKER` names another.
    static func worker(tracer: String) -> WorkerExecutable? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment[WorkerLocator.environmentVariable], !explicit.isEmpty { return nil }
        guard let running = WorkerLocator.runningExecutable() else { return nil }
        return WorkerExecutable(path: running, arguments: WorkerCommand.childArguments(tracer: tracer))
    }
}
