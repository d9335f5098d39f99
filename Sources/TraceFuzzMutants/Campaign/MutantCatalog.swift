import TraceCore
import TraceFuzz

/// Every row of the planted-bug catalog (`BUG-CATALOG.md`), in its order, as a ``Mutant``.
///
/// ```swift
/// for mutant in MutantCatalog.all { print(mutant.id, mutant.mechanism) }
/// ```
public enum MutantCatalog {
    /// Every mutant, in catalog order.
    public static let all: [Mutant] = {
        let byID = Dictionary(
            uniqueKeysWithValues: (contextMutants + exportMutants + poolAndRaceMutants + processMutants).map {
                ($0.id, $0)
            })
        return catalogOrder.compactMap { byID[$0] }
    }()

    /// The rows of `BUG-CATALOG.md`, in its order.
    static let catalogOrder = [
        "pool-no-propagation", "shared-context-entered", "shared-context-serial-leak", "detach-wrong-context",
        "pooled-thread-leak", "fork-join-partial", "child-clears-parent", "await-wrong-trace",
        "flush-misses-in-flight", "flush-returns-early", "shutdown-loses-buffer", "dropped-span-breaks-trace",
        "shutdown-send-race", "fork-stale-worker", "exit-before-export", "pooled-scope-nesting",
        "check-then-use",
        "drop-policy-mismatch", "process-hop-no-carrier", "child-exits-before-flush",
    ]

    /// The mutant with `id`, if there is one.
    public static func mutant(_ id: String) -> Mutant? { all.first { $0.id == id } }

    /// The ids of every mutant, in catalog order.
    public static var ids: [String] { all.map(\.id) }

    /// Rows where context goes wrong on its way between threads and tasks.
    static let contextMutants: [Mutant] = [
        Mutant(
            id: "pool-no-propagation",
            mechanism: "the tracer's own pool claims to carry the submitter's context and carries nothing",
            invariants: ["right-parent", "right-trace"], factory: pool("pool-no-propagation", .never),
            control: pool("pool-no-propagation", .everySubmit)),
        Mutant(
            id: "shared-context-entered",
            mechanism:
                "a captured context can be entered by one worker at a time; the second worker's task dies",
            invariants: ["none-lost"],
            factory: MutantFactory("shared-context-entered") { instances, seed in
                SharedContextEnteredAdapter(core: MutantCore(instances: instances, seed: seed))
            },
            control: core("shared-context-entered")),
        Mutant(
            id: "shared-context-serial-leak",
            mechanism:
                "a captured context is a mutable object that keeps the span the previous task set in it",
            invariants: ["right-parent", "right-trace"],
            factory: MutantFactory("shared-context-serial-leak") { instances, seed in
                SharedContextSerialLeakAdapter(core: MutantCore(instances: instances, seed: seed))
            },
            control: core("shared-context-serial-leak")),
        Mutant(
            id: "detach-wrong-context",
            mechanism:
                "restores and span scopes detach the token in a shared field, stale once an inner scope ran",
            invariants: ["clean-worker", "right-parent"],
            factory: threadContext("detach-wrong-context", .staleTokenField),
            control: threadContext("detach-wrong-context", .none)),
        Mutant(
            id: "pooled-thread-leak",
            mechanism: "a worker sets the thread-local current context and never restores what was there",
            invariants: ["clean-worker", "right-parent"],
            factory: threadContext("pooled-thread-leak", .restoreLeavesContext),
            control: threadContext("pooled-thread-leak", .none)),
        Mutant(
            id: "fork-join-partial",
            mechanism: "the tracer's own pool hands a context to the first task forked under it only",
            invariants: ["right-parent", "right-trace"], factory: pool("fork-join-partial", .firstForkOnly),
            control: pool("fork-join-partial", .everySubmit)),
        Mutant(
            id: "child-clears-parent",
            mechanism:
                "ending a span sets the thread's active context to none instead of restoring the parent",
            invariants: ["right-parent", "right-trace"], factory: threadContext("child-clears-parent", .endClearsContext),
            control: threadContext("child-clears-parent", .none)),
        Mutant(
            id: "await-wrong-trace",
            mechanism: "an async span is kept current in a thread-local across its awaits",
            invariants: ["right-parent", "right-trace", "clean-worker"],
            factory: threadContext("await-wrong-trace", .contextAcrossAwait),
            control: threadContext("await-wrong-trace", .none)),
    ]

    /// Rows where spans go missing or are miscounted between their end and the exporter.
    static let exportMutants: [Mutant] = [
        Mutant(
            id: "flush-misses-in-flight",
            mechanism: "a flush exports the batch buffer but not the spans still in the intake channel",
            invariants: ["none-lost"], factory: staged("flush-misses-in-flight", .flushSkipsIntake),
            control: staged("flush-misses-in-flight", .none)),
        Mutant(
            id: "flush-returns-early",
            mechanism: "forceFlush signals the export worker and returns success before anything is exported",
            invariants: ["none-lost"],
            factory: MutantFactory("flush-returns-early") { instances, seed in
                MutantCore(
                    instances: instances, seed: seed,
                    batch: { config, exporter in
                        EarlyReturningFlushProcessor(MutantCore.batchProcessor(config, exporter: exporter))
                    })
            },
            control: core("flush-returns-early")),
        Mutant(
            id: "shutdown-loses-buffer",
            mechanism: "shutdown cancels the intake channel before draining it into the buffer",
            invariants: ["none-lost"], factory: staged("shutdown-loses-buffer", .shutdownCancelsIntake),
            control: staged("shutdown-loses-buffer", .none)),
        Mutant(
            id: "dropped-span-breaks-trace",
            mechanism: "a span the sampler drops (and counts) hands out an empty context to its children",
            invariants: ["right-parent", "right-trace"],
            factory: MutantFactory("dropped-span-breaks-trace") { instances, seed in
                DroppedSpanBreaksTraceAdapter(
                    core: MutantCore(instances: instances, seed: seed), seed: seed, drops: .init())
            },
            control: core("dropped-span-breaks-trace")),
        Mutant(
            id: "shutdown-send-race",
            mechanism: "a span ending while the processor shuts down is sent on the closed channel and lost",
            invariants: ["none-lost"],
            factory: MutantFactory("shutdown-send-race") { instances, seed in
                ShutdownSendRaceAdapter(core: stagedCore(instances, seed, .sendsAfterClose))
            },
            control: MutantFactory("shutdown-send-race", control: true) { instances, seed in
                ShutdownSendRaceAdapter(core: stagedCore(instances, seed, .none))
            }),
    ]

    /// Rows about pooled scopes, racing reads and drop accounting.
    static let poolAndRaceMutants: [Mutant] = [
        Mutant(
            id: "pooled-scope-nesting",
            mechanism:
                "a worker thread forks its scope from its first task and reuses it for every later task",
            invariants: ["right-parent", "right-trace"],
            factory: threadContext("pooled-scope-nesting", .scopeForkedPerThread),
            control: threadContext("pooled-scope-nesting", .none)),
        Mutant(
            id: "check-then-use",
            mechanism: "capture checks a process-wide current span, then reads it again to use it",
            invariants: ["right-parent", "right-trace"],
            factory: MutantFactory("check-then-use") { instances, seed in
                CheckThenUseAdapter(core: MutantCore(instances: instances, seed: seed))
            },
            control: core("check-then-use")),
        Mutant(
            id: "drop-policy-mismatch",
            mechanism: "under dropOldest the evicted spans are not counted as dropped",
            invariants: ["none-lost"], factory: staged("drop-policy-mismatch", .evictionsUncounted),
            control: staged("drop-policy-mismatch", .none)),
    ]

    /// Rows whose defect is in how spans cross into child processes, or in the children themselves.
    static let processMutants: [Mutant] = [
        Mutant(
            id: "fork-stale-worker",
            mechanism:
                "a child's batch processor lost its export worker: nothing is exported, and flushes give up",
            invariants: ["none-lost"], factory: planted("fork-stale-worker"), control: core("fork-stale-worker"),
            child: .worker { arguments in
                await ProcessWorker.main(
                    factory: MutantFactory("fork-stale-worker") { instances, seed in
                        MutantCore(instances: instances, seed: seed, batch: { _, _ in StaleExportWorkerProcessor() })
                    },
                    arguments: arguments)
            }),
        Mutant(
            id: "exit-before-export",
            mechanism: "a child's exit hook closes the exporter before its final flush, losing what is buffered",
            invariants: ["none-lost"], factory: planted("exit-before-export"),
            control: core("exit-before-export"),
            child: .worker { arguments in
                await ProcessWorker.main(
                    factory: MutantFactory("exit-before-export") { instances, seed in
                        ExitBeforeExportAdapter(instances: instances, seed: seed)
                    },
                    arguments: arguments, atExit: { $0.closeExportPool() })
            }),
        Mutant(
            id: "process-hop-no-carrier",
            mechanism: "the span context is not put into the child's environment: no TRACEPARENT",
            invariants: ["right-trace", "right-parent"],
            factory: MutantFactory("process-hop-no-carrier") { instances, seed in
                NoCarrierAdapter(core: MutantCore(instances: instances, seed: seed))
            },
            control: core("process-hop-no-carrier")),
        Mutant(
            id: "child-exits-before-flush",
            mechanism: "a child process exits without flushing its batch processors",
            invariants: ["none-lost"], factory: planted("child-exits-before-flush"),
            control: core("child-exits-before-flush"), child: .fault(.noFlush)),
    ]

    /// TraceCore as the mutants wire it, with nothing planted.
    private static func core(_ id: String) -> MutantFactory<MutantCore> {
        MutantFactory(id, control: true) { instances, seed in MutantCore(instances: instances, seed: seed) }
    }

    /// The parent's tracer of a mutant whose defect is in its children: TraceCore as the mutants wire it.
    private static func planted(_ id: String) -> MutantFactory<MutantCore> {
        MutantFactory(id) { instances, seed in MutantCore(instances: instances, seed: seed) }
    }

    private static func threadContext(_ id: String, _ defect: ThreadContextAdapter.Defect)
        -> MutantFactory<ThreadContextAdapter>
    {
        MutantFactory(id, control: defect == .none) { instances, seed in
            ThreadContextAdapter(core: MutantCore(instances: instances, seed: seed), defect: defect)
        }
    }

    private static func pool(_ id: String, _ propagation: MutantPoolExecutor.Propagation) -> MutantFactory<
        MutantCore
    > {
        MutantFactory(id, control: propagation == .everySubmit) { instances, seed in
            MutantCore(
                instances: instances, seed: seed,
                pool: { width in MutantPoolExecutor(width: width, propagation: propagation) })
        }
    }

    private static func staged(
        _ id: String, _ defect: StagedBatchProcessor.Defect
    ) -> MutantFactory<MutantCore> {
        MutantFactory(id, control: defect == .none) { instances, seed in stagedCore(instances, seed, defect) }
    }

    /// TraceCore as the mutants wire it, with the two-stage batch processor for `batch` instances.
    private static func stagedCore(
        _ instances: [TracerInstanceConfig], _ seed: UInt64, _ defect: StagedBatchProcessor.Defect
    ) -> MutantCore {
        MutantCore(
            instances: instances, seed: seed,
            batch: { config, exporter in
                StagedBatchProcessor(
                    exporter: exporter, maxQueueSize: config.maxQueueSize,
                    maxExportBatchSize: config.maxExportBatchSize,
                    dropOldest: config.dropPolicy == .dropOldest,
                    defect: defect)
            })
    }
}
