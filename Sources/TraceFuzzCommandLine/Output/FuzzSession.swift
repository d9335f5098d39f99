import Foundation
import TraceFuzz

/// What `run` and `stress` set up before they fuzz: the fuzzer, the pipeline every finding goes through
/// (shrink, write, save), and the replay of the failure database, whose regressions are findings too.
struct FuzzSession<Factory: TracerAdapterFactory> {
    /// The fuzzer, with the command's generator options.
    let fuzzer: Fuzzer<Factory>
    /// Where each finding goes.
    let pipeline: FindingPipeline<Factory>
    /// The database's replay, or `nil` when there is no database.
    let replay: DatabaseReplay?

    /// Sets up `command` (for messages: `run`, `stress`) against `factory`. The database is replayed
    /// when its directory exists; an entry that cannot be read is named in a warning and skipped.
    /// Returns `nil`, having said why, when the options allow process hops and no usable worker
    /// executable is found: every such scenario would otherwise be quietly counted as unsupported.
    static func start(
        _ command: String, factory: Factory, flags: GeneratorFlags, shrink: ShrinkFlags,
        findingsDirectory: String, database: DatabaseFlags, context: CommandContext
    ) async -> FuzzSession? {
        // Children are this binary in worker mode unless TRACEFUZZ_WORKER names another: check that one.
        if Self.mayMakeProcessHops(flags.options), CommandContext.worker(tracer: context.tracerName ?? "") == nil {
            do {
                _ = try WorkerLocator.locate()
            } catch {
                context.console.error(
                    "tracefuzz \(command): \(error) (or leave process hops out: --executors without 'process')")
                return nil
            }
        }
        let fuzzer = Fuzzer(factory: factory, options: flags.options, runtime: context.runtime)
        let store = database.resolved(default: context.defaultDatabase)
        let pipeline = FindingPipeline(
            fuzzer: fuzzer, tracer: factory.name, flags: flags, shrink: shrink,
            writer: FindingWriter(directory: findingsDirectory),
            database: store?.database, databaseDisplay: store?.display ?? "")
        var isDirectory: ObjCBool = false
        guard let store,
            FileManager.default.fileExists(atPath: store.database.directory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { return FuzzSession(fuzzer: fuzzer, pipeline: pipeline, replay: nil) }
        let replay = await DatabaseReplay.run(
            store.database, display: store.display, fuzzer: fuzzer, tracer: factory.name)
        for warning in replay.warnings { context.console.error("tracefuzz \(command): warning: \(warning)") }
        return FuzzSession(fuzzer: fuzzer, pipeline: pipeline, replay: replay)
    }

    /// Whether scenarios generated under `options` may contain `process` hops.
    static func mayMakeProcessHops(_ options: GeneratorOptions) -> Bool {
        guard (options.executorWeights[.process] ?? 0) > 0 else { return false }
        let others = options.executorWeights.filter { $0.key != .process && $0.value > 0 }
        return options.processScenarioPercent > 0 || others.isEmpty
    }
}
