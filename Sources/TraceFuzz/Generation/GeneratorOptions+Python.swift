extension GeneratorOptions {
    /// The Python driver's executors and how often each is chosen: Python's own (see the executor table in
    /// `Scenarios/README.md`), process hops rarer (a child costs milliseconds), `spawn` children rarest.
    public static let pythonExecutorWeights: [ExecutorKind: Int] = [
        .pool: 3, .tracedPool: 2, .thread: 1, .task: 3, .detachedTask: 2, .taskGroup: 3, .asyncLet: 2,
        .toThread: 2, .runInExecutor: 2, .process: 1, .forkProcess: 1, .processPool: 1, .forkProcessPool: 1,
    ]

    /// The defaults of `--driver python`: Python's executors, and no process faults unless asked for
    /// (`--process-faults noFlush`: a child relying on the SDK's exit hook, lost after `fork` on 3.11).
    ///
    /// ```swift
    /// let fuzzer = Fuzzer(factory: DriverTracerFactory(hello: hello), options: .python,
    ///                     runtime: DriverRuntime(driver: driver))
    /// ```
    public static var python: GeneratorOptions {
        var options = GeneratorOptions()
        options.executorWeights = pythonExecutorWeights
        options.processFaultWeights = [:]
        return options
    }
}
