import TraceFuzz

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Speed of a process hop, next to a bare spawn of the same executable measured in the same run.
///
/// - `hop.process_ms`: one run of a scenario with one `process` hop whose task makes two spans (a
///   request span, the hop, the child's spans arriving over the pipe, the final flush), on the real
///   runtime against TraceCore. Baseline `bare.spawn_ms`: `posix_spawn` of this same executable as
///   `tracefuzz worker --noop` (which exits at once) and `waitpid`, nothing else.
/// - `hop.overhead_ratio`: the two divided: what a process hop costs beyond starting a process at all.
///   The target is at most 1.5.
///
/// Samples alternate between the two, so load on the machine weighs on both alike; each figure is the
/// median. Build with `-c release`: the worker is this executable, so a debug build measures a debug
/// worker.
enum ProcessBenchmarks {
    /// Runs the process benchmarks; `quick` takes fewer samples.
    static func measure(quick: Bool) async -> [BenchmarkFigure] {
        guard let executable = try? WorkerLocator.locate().path else { return [] }
        let samples = quick ? 5 : 60
        let scenario = Scenario(steps: [
            .span(
                SpanStep(
                    label: "request",
                    children: [
                        .hop(
                            HopStep(
                                executor: .process, strategy: .fresh,
                                tasks: [
                                    [
                                        .span(
                                            SpanStep(
                                                label: "work", children: [.span(SpanStep(label: "inner"))]))
                                    ]
                                ]))
                    ]))
        ])
        let runtime = RealRuntime()
        let factory = TraceCoreAdapterFactory()
        let checker = Checker()
        let clock = ContinuousClock()
        _ = await runtime.run(scenario, factory: factory, seed: 0)
        _ = bareSpawn(executable)
        var hops: [Double] = []
        var spawns: [Double] = []
        for index in 0..<samples {
            spawns.append(bareSpawn(executable))
            let start = clock.now
            let record = await runtime.run(scenario, factory: factory, seed: UInt64(index))
            hops.append((clock.now - start).seconds * 1000)
            precondition(
                checker.check(scenario, record: record).passed, "the process-hop benchmark must pass")
        }
        let hop = median(hops)
        let spawn = median(spawns)
        return [
            BenchmarkFigure(
                name: "hop.process_ms", value: hop, unit: "ms", baselineName: "bare.spawn_ms",
                baselineValue: spawn),
            BenchmarkFigure(name: "hop.overhead_ratio", value: spawn > 0 ? hop / spawn : 0, unit: "x"),
        ]
    }

    /// Milliseconds to `posix_spawn` `executable worker --noop` and wait for it.
    static func bareSpawn(_ executable: String) -> Double {
        let clock = ContinuousClock()
        let words: [String] = [executable, "worker", "--noop"]
        let arguments = words.map { strdup($0) }
        defer { arguments.forEach { free($0) } }
        let start = clock.now
        var pid: pid_t = 0
        let spawned = (arguments + [nil]).withUnsafeBufferPointer { argv in
            posix_spawn(
                &pid, executable, nil, nil, UnsafeMutablePointer(mutating: argv.baseAddress!), environ)
        }
        guard spawned == 0 else { return 0 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (clock.now - start).seconds * 1000
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
