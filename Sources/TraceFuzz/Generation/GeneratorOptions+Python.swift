extension GeneratorOptions {
    /// The Python driver's executors and how often each is chosen: Python's own (see the executor table in
    /// `Scenarios/README.md`), process hops rarer (a child costs milliseconds). `forkProcessPool` is left
    /// out: its workers keep the context of the submit that forked them, so every run that uses it under
    /// any strategy finds that leak; `--executors forkProcessPool` (alone, or with weights) asks for it.
    public static let pythonExecutorWeights: [ExecutorKind: Int] = [
        .pool: 3, .tracedPool: 2, .thread: 1, .task: 3, .detachedTask: 2, .taskGroup: 3, .asyncLet: 2,
        .toThread: 2, .runInExecutor: 2, .process: 1, .forkProcess: 1, .processPool: 1,
    ]

    /// Every executor the Python driver runs, `forkProcessPool` included.
    public static let pythonExecutors: Set<ExecutorKind> = Set(pythonExecutorWeights.keys).union([.forkProcessPool])

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
