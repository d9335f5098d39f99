import Dispatch
import TraceCore

extension ScenarioExecution {
    /// Starts one child process per task of a `process` hop; `group` is left once per task, after its
    /// child has been reaped and its results merged into the log.
    ///
    /// What crosses into the child is decided here, in the submitter, as for every hop: `fresh` injects
    /// the current context into a header dictionary per task, `shared` once for the hop, `carrier` into
    /// the child's environment (`TRACEPARENT`, `TRACESTATE`), `none` nothing at all.
    func startProcessTasks(_ hop: PlannedHop, group: DispatchGroup) {
        let shared = hop.strategy == .shared ? adapter.inject() : nil
        for (index, steps) in hop.source.tasks.enumerated() {
            let site = hop.taskSite(index)
            let named = hop.fault(task: index)
            var environment = ProcessEnvironment.inherited
            var context: [String: String]?
            switch hop.strategy {
            case .fresh: context = adapter.inject()
            case .shared: context = shared
            case .carrier: environment.merge(adapter.injectEnvironment()) { _, injected in injected }
            case .none: break
            }
            let request = WorkerRequest(
                site: site, firstHopID: hop.firstHopIDs[index],
                seed: String(childSeed(hop: hop.id, task: index), radix: 16), instances: instances,
                steps: steps,
                strategy: hop.strategy, context: context,
                fault: named ?? processes.unannouncedFault.map { ProcessFault(kind: $0, task: index) },
                flushTimeoutMillis: Int((flushTimeout / .milliseconds(1)).rounded()),
                diagnostics: processes.diagnostics)
            let session = ChildSession(
                site: site, fault: named, subtree: ChildSession.spanLabels(in: steps), log: log,
                observer: observer)
            let ticket = pending.begin(site)
            log.taskStarted()
            group.enter()
            guard let worker = processes.worker else {
                session.finish(ChildProcess.Exit(spawnError: "no worker executable"))
                pending.end(ticket)
                group.leave()
                continue
            }
            let launch = ChildProcess.Launch(
                executable: worker.path, arguments: worker.arguments,
                environment: environment.map { "\($0.key)=\($0.value)" }, input: request.encodedLine())
            ChildProcess.start(launch, site: site, registry: children, output: session.receive) { exit in
                session.finish(exit)
                self.pending.end(ticket)
                group.leave()
            }
        }
    }

    /// The seed of the child process of task `task` of hop `hop`: its IDs never meet this process's.
    func childSeed(hop: Int, task: Int) -> UInt64 {
        SplitMix64.mix(seed ^ 0x7072_6f63_6573_7300 ^ UInt64(hop) << 24 ^ UInt64(task))
    }
}
