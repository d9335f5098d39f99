import TraceCore
import TraceFuzz

@testable import TraceFuzzMutants

/// The mutants' building blocks with nothing planted: each must pass what TraceCore passes, or a kill
/// could be the harness's fault rather than the planted bug's.
enum IntactAdapters {
    /// TraceCore wired by ``MutantCore``, with its pool and TraceCore's batch processor.
    static let core = MutantFactory("intact core") { instances, seed in
        MutantCore(instances: instances, seed: seed)
    }

    /// The mutants' own context manager, with no defect.
    static let threadContext = MutantFactory("intact thread context") { instances, seed in
        ThreadContextAdapter(core: MutantCore(instances: instances, seed: seed), defect: .none)
    }

    /// The two-stage batch processor, with no defect.
    static let stagedProcessor = MutantFactory("intact staged processor") { instances, seed in
        MutantCore(
            instances: instances, seed: seed,
            batch: { config, exporter in
                StagedBatchProcessor(
                    exporter: exporter, maxQueueSize: config.maxQueueSize,
                    maxExportBatchSize: config.maxExportBatchSize, dropOldest: config.dropPolicy == .dropOldest,
                    defect: .none)
            })
    }
}
