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

    /// Sets up `command` (for messages: `run`, `stress`) against `factory`; prints why and returns `nil`
    /// when the failure database cannot be read.
    static func start(
        _ command: String, factory: Factory, flags: GeneratorFlags, shrink: ShrinkFlags,
        findingsDirectory: String, database: DatabaseFlags, context: CommandContext
    ) async -> FuzzSession? {
        let fuzzer = Fuzzer(factory: factory, options: flags.options, runtime: context.fuzzRuntime)
        let store = database.resolved(default: context.defaultDatabase)
        let pipeline = FindingPipeline(
            fuzzer: fuzzer, tracer: factory.name, flags: flags, shrink: shrink,
            writer: FindingWriter(directory: findingsDirectory),
            database: store?.database, databaseDisplay: store?.display ?? "")
        guard let store else { return FuzzSession(fuzzer: fuzzer, pipeline: pipeline, replay: nil) }
        do {
            let replay = try await DatabaseReplay.run(
                store.database, display: store.display, fuzzer: fuzzer, tracer: factory.name)
            return FuzzSession(fuzzer: fuzzer, pipeline: pipeline, replay: replay)
        } catch {
            context.console.error("tracefuzz \(command): \(DatabaseReplay.describe(error, display: store.display))")
            return nil
        }
    }
}
