import Testing
import TraceFuzz
import TraceFuzzTesting

/// The property check from README.md's "Fuzzing your own tracer or executor", run on an executor of
/// this package's own, and on a broken one to show that the check fails when it should.
@Suite struct MyWorkQueuePropagationTests {
    /// Every generated hop runs on ``MyWorkQueue``; no finding may be recorded.
    @Test func carriesTheSubmittersSpan() async {
        let executor = ExecutorUnderTest("MyWorkQueue") { width in MyWorkQueueExecutor(width: width) }
        await expectTracePropagation(through: executor, seeds: 100)
    }

    /// The same check on ``ForgetfulWorkQueue`` must record an issue; the test fails if it records none.
    @Test func catchesAnExecutorThatDropsTheContext() async {
        let executor = ExecutorUnderTest("ForgetfulWorkQueue") { _ in ForgetfulWorkQueue() }
        var finding: Finding?
        await withKnownIssue {
            finding = await expectTracePropagation(through: executor, seeds: 50)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains(" broke against ForgetfulWorkQueue on TraceCore") }
        }
        #expect(finding != nil)
    }
}
