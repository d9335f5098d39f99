// The example of README.md's "Fuzzing your own tracer or executor", verbatim between the markers: if
// this file stops compiling or passing, the README is wrong.

// README example begins
import Dispatch
import Testing
import TraceCore
import TraceFuzz
import TraceFuzzTesting

/// Runs work on its own serial queue, carrying the submitter's TraceCore context.
struct ContextQueueExecutor: WorkExecutor {
    let queue = DispatchQueue(label: "context-queue")

    /// It captures at submit and restores in the worker, so it claims to propagate.
    var propagatesContext: Bool { true }

    func submit(_ work: @escaping @Sendable () -> Void) {
        let context = TraceContext.current
        queue.async { TraceContext.withContext(context, work) }
    }
}

@Suite struct ContextQueueExecutorTests {
    @Test func carriesTheSubmittersSpan() async {
        let executor = ExecutorUnderTest("ContextQueueExecutor") { _ in ContextQueueExecutor() }
        await expectTracePropagation(through: executor, seeds: 100)
    }

    @Test func traceCoreAsATracer() async {
        await expectTracePropagation(TraceCoreAdapterFactory(), seeds: 50)
    }
}
// README example ends
