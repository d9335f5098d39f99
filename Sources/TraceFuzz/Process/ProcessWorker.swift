import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The child side of a `process` hop: what `tracefuzz worker` runs.
///
/// A worker reads one ``WorkerRequest`` line from standard input, builds its own tracer through the
/// factory, restores the context the request or its environment carries, runs the task's steps with
/// the same runtime as the parent (pools, tasks, nested hops, nested process hops), final-flushes
/// every instance, and writes its results to standard output, one JSON line each (see
/// `Scenarios/README.md`), ending with `done`. It exits 0, or 2 for a request it cannot read; its
/// fault, if the request names one, changes that on purpose.
///
/// Standard input stays open after the request: when it reaches end of file, the parent is gone or has
/// given up, and the worker kills its own children and exits at once.
///
/// To fuzz another tracer across processes, build a worker executable that calls this with its own
/// factory, and point ``ProcessHopOptions/worker`` at it.
public enum ProcessWorker {
    /// The exit status for a request that cannot be read.
    public static let badRequestStatus: Int32 = 2
    /// The exit status when standard input ends before the work does (the parent is gone).
    public static let orphanedStatus: Int32 = 3

    /// Runs one request from standard input against a tracer from `factory`, writes the results, and
    /// exits the process with status 0 (at once, with `_exit`). Returns only when the request cannot be
    /// read, with ``badRequestStatus``. `arguments` start this same executable in worker mode, for the
    /// worker's own process hops.
    ///
    /// `atExit` is the tracer's own exit handling: it runs once the steps are done and before the final
    /// flush of every instance, as an exit handler a tracer registers would (a tracer that needs nothing
    /// there leaves it empty).
    public static func main<Factory: TracerAdapterFactory>(
        factory: Factory, arguments: [String] = ["worker"],
        atExit: (Factory.Adapter) -> Void = { _ in }
    ) async -> Int32 {
        let descriptorsAtStart = SystemCalls.openDescriptorCount() ?? 0
        let request: WorkerRequest
        switch readRequest() {
        case .success(let read): request = read
        case .failure(let message):
            SystemCalls.writeAll(2, Array("tracefuzz worker: \(message)\n".utf8))
            return badRequestStatus
        }
        guard let seed = request.seedValue else {
            SystemCalls.writeAll(2, Array("tracefuzz worker: the seed '\(request.seed)' is not hex\n".utf8))
            return badRequestStatus
        }
        let adapter = await factory.makeAdapter(instances: request.instances, seed: seed)
        let output = WorkerOutput(adapter: adapter, fault: request.fault, seed: seed)
        var processes = ProcessHopOptions()
        processes.worker = WorkerLocator.runningExecutable().map {
            WorkerExecutable(path: $0, arguments: arguments)
        }
        processes.diagnostics = request.diagnostics
        let execution = ScenarioExecution(
            adapter: adapter, seed: seed, flushTimeout: .milliseconds(request.flushTimeoutMillis),
            instances: request.instances, processes: processes, observer: output)
        Lifeline.watch(standardInputOf: execution.children)

        output.strikeBeforeSteps()
        await run(request, execution: execution)
        output.strikeAfterSteps()
        atExit(adapter)
        let noFlush = request.fault?.kind == .noFlush
        if !noFlush {
            for instance in request.instances.indices { await execution.flush(instance: instance, final: true) }
        }
        let exported = output.deliverExported()
        // A worker that forgets to flush does not tear its tracer down either: that would flush.
        if !noFlush { await adapter.tearDown() }
        report(request, execution: execution, output: output, exported: noFlush ? exported : nil)
        if request.diagnostics {
            _ = execution.children.waitUntilEmpty(timeout: .seconds(5))
            output.write(.diagnostics(diagnostics(descriptorsAtStart: descriptorsAtStart)))
        }
        output.write(.done(WorkerLine.Done(spans: output.spanLines)))
        // Everything is written (each line with its own write(2)) and, unless the fault says otherwise,
        // flushed. Exit at once: no exit handler or static destructor runs while the tracer's threads
        // still do, and a noFlush worker loses whatever its batch processors still hold, as a worker that
        // forgot to flush does.
        _exit(0)
    }

    /// Runs the steps with the context the request carries made current.
    private static func run<Adapter: TracerAdapter>(
        _ request: WorkerRequest, execution: ScenarioExecution<Adapter>
    ) async {
        let plan = ScenarioPlan(steps: request.steps, firstHopID: request.firstHopID)
        let body: () async -> Void = {
            await execution.runAsync(plan.steps, site: "top")
            await execution.pending.waitUntilIdle()
            execution.shutdownRetainedExecutors()
        }
        if let context = request.context {
            await execution.adapter.withExtracted(context, body)
        } else if request.strategy == .carrier {
            await execution.adapter.withExtractedEnvironment(ProcessInfo.processInfo.environment, body)
        } else {
            await body()
        }
    }

    /// Writes everything but the spans: observations, ends, flushes, leaks, drops, unflushed spans (when
    /// `exported` is the snapshot taken instead of a final flush), tasks, children and their losses.
    private static func report<Adapter: TracerAdapter>(
        _ request: WorkerRequest, execution: ScenarioExecution<Adapter>, output: WorkerOutput<Adapter>,
        exported: Set<String>?
    ) {
        var record = RunRecord()
        execution.log.fill(&record)
        for (label, identity) in record.observed.sorted(by: { $0.key < $1.key }) {
            output.write(.observed(WorkerLine.Observed(label: label, identity: identity)))
        }
        for label in record.ended { output.write(.ended(WorkerLine.Ended(label: label))) }
        for var flush in record.flushes {
            flush.site = flush.site ?? request.site
            output.write(.flush(flush))
        }
        for leak in record.leaks { output.write(.leak(leak)) }
        for instance in request.instances.indices {
            let dropped =
                execution.adapter.droppedSpans(instance: instance)
                + execution.log.remoteDropped(instance: instance)
            if dropped > 0 { output.write(.dropped(WorkerLine.Dropped(instance: instance, count: dropped))) }
        }
        if let exported {
            for instance in request.instances.indices {
                for label in execution.log.endedLabels(instance: instance) where !exported.contains(label) {
                    output.write(.unflushed(WorkerLine.Unflushed(label: label, instance: instance)))
                }
            }
        }
        output.write(.tasks(WorkerLine.Count(count: record.tasksRun)))
        for child in record.children { output.write(.child(child)) }
        if let reason = record.unsupported { output.write(.unsupported(WorkerLine.Unsupported(reason: reason))) }
        for loss in record.expectedLosses { output.write(.loss(loss)) }
    }

    private static func diagnostics(descriptorsAtStart: Int) -> ChildOutcome.Diagnostics {
        ChildOutcome.Diagnostics(
            descriptorsAtStart: descriptorsAtStart, descriptorsAtEnd: SystemCalls.openDescriptorCount() ?? 0,
            zombies: SystemCalls.zombieChildren().count,
            pipeInodes: (0...2).compactMap { SystemCalls.inode(of: Int32($0)) })
    }

    /// Reads the request: standard input up to the first newline. (The parent writes nothing after
    /// it; the rest of standard input is the lifeline.)
    private static func readRequest() -> Result<WorkerRequest, RequestError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            if let newline = chunk[..<count].firstIndex(of: UInt8(ascii: "\n")) {
                bytes += chunk[..<newline]
                break
            }
            bytes += chunk[..<count]
        }
        guard !bytes.isEmpty else { return .failure(RequestError("no request on standard input")) }
        let request: WorkerRequest
        do {
            request = try JSONDecoder().decode(WorkerRequest.self, from: Data(bytes))
        } catch let error as DecodingError {
            return .failure(RequestError("the request is not valid: \(ScenarioLoader.describe(error))"))
        } catch {
            return .failure(RequestError("the request is not valid JSON: \(error)"))
        }
        guard request.format == WorkerRequest.currentFormat else {
            return .failure(
                RequestError("request format \(request.format) is not \(WorkerRequest.currentFormat)"))
        }
        do {
            try ScenarioValidator.validate(Scenario(instances: request.instances, steps: request.steps))
        } catch {
            return .failure(RequestError("the request's steps are not valid: \(error)"))
        }
        return .success(request)
    }

    private struct RequestError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
