import Foundation
import Testing
import TraceCore

@Suite("BatchSpanProcessor") struct BatchSpanProcessorTests {
    @Test("defaults follow the OpenTelemetry specification")
    func defaults() {
        let processor = BatchSpanProcessor(exporter: InMemorySpanExporter())
        #expect(processor.maxQueueSize == 2048)
        #expect(processor.maxExportBatchSize == 512)
        #expect(processor.dropPolicy == .dropNewest)
        _ = processor.shutdown(timeout: .seconds(10))
    }

    @Test("a span that just ended is exported when forceFlush returns success")
    func flushExportsJustEnded() {
        let exporter = RecordingExporter()
        let processor = BatchSpanProcessor(exporter: exporter, scheduleDelay: .seconds(3600))
        for round in 0..<50 {
            processor.onEnd(spanData("span-\(round)"))
            #expect(processor.forceFlush(timeout: .seconds(30)) == .success)
            #expect(exporter.names.last == "span-\(round)")
        }
        #expect(processor.shutdown(timeout: .seconds(30)) == .success)
    }

    @Test("exports never overlap and never exceed the batch size")
    func batchesSerialAndBounded() {
        let exporter = RecordingExporter()
        let processor = BatchSpanProcessor(
            exporter: exporter, maxQueueSize: 100_000, maxExportBatchSize: 7, scheduleDelay: .milliseconds(1))
        onThreads(4) { thread in
            for index in 0..<500 { processor.onEnd(spanData("\(thread)-\(index)")) }
        }
        #expect(processor.forceFlush(timeout: .seconds(30)) == .success)
        #expect(exporter.spans.count == 2000)
        #expect(exporter.batchSizes.allSatisfy { $0 <= 7 })
        #expect(!exporter.overlapped)
        _ = processor.shutdown(timeout: .seconds(30))
    }

    @Test("the schedule delay exports queued spans without a flush")
    func scheduleDelayExports() {
        let exporter = RecordingExporter()
        let processor = BatchSpanProcessor(exporter: exporter, scheduleDelay: .milliseconds(1))
        processor.onEnd(spanData("timed"))
        let deadline = ContinuousClock.now + .seconds(60)
        while exporter.spans.isEmpty && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.001)
        }
        #expect(exporter.names == ["timed"])
        _ = processor.shutdown(timeout: .seconds(30))
    }

    @Test("flush is a barrier: with 8 threads ending spans, no span ended before a flush is missing after it")
    func flushBarrier() {
        for round in 0..<40 {
            let (provider, exporter) = (TracerProvider(processors: []), InMemorySpanExporter())
            _ = provider
            let processor = BatchSpanProcessor(
                exporter: exporter, maxQueueSize: 1_000_000, maxExportBatchSize: 16,
                scheduleDelay: .milliseconds(round % 2 == 0 ? 1 : 3600_000))
            let tracing = TracerProvider(processors: [processor])
            let tracer = tracing.tracer("barrier")
            let ended = Locked<[String]>([])
            let enders = Locked(8)
            let violations = Locked<[String]>([])
            let flushes = Locked(0)
            onThreads(9) { thread in
                if thread == 8 {
                    while enders.value > 0 {
                        let before = ended.value
                        guard tracing.forceFlush(timeout: .seconds(60)) == .success else { continue }
                        flushes.withLock { $0 += 1 }
                        let exported = Set(exporter.finishedSpans().map(\.name))
                        let missing = before.filter { !exported.contains($0) }
                        if !missing.isEmpty { violations.withLock { $0 += missing } }
                    }
                    return
                }
                for index in 0..<150 {
                    let name = "r\(round)-t\(thread)-\(index)"
                    tracer.startSpan(name, parent: nil).end()
                    ended.withLock { $0.append(name) }
                }
                enders.withLock { $0 -= 1 }
            }
            #expect(violations.value.isEmpty, "round \(round): missing after a successful flush")
            #expect(tracing.forceFlush(timeout: .seconds(60)) == .success)
            #expect(exporter.finishedSpans().count == 8 * 150)
            #expect(tracing.shutdown(timeout: .seconds(60)) == .success)
        }
    }

    /// Blocks the exporter on span 0, ends `1 + total` spans into a queue of 4, then releases it.
    private func overflow(_ policy: BatchSpanProcessor.DropPolicy, extra: Int) -> (
        exported: [String], processor: BatchSpanProcessor
    ) {
        let exporter = RecordingExporter(blockFirstExport: true)
        let processor = BatchSpanProcessor(
            exporter: exporter, maxQueueSize: 4, maxExportBatchSize: 1, scheduleDelay: .seconds(3600),
            dropPolicy: policy)
        processor.onEnd(spanData("s0"))
        exporter.entered.wait()
        for index in 1...extra { processor.onEnd(spanData("s\(index)")) }
        exporter.release.open()
        #expect(processor.forceFlush(timeout: .seconds(30)) == .success)
        return (exporter.names, processor)
    }

    @Test("dropNewest keeps the oldest queued spans and counts every drop")
    func dropNewest() {
        let (exported, processor) = overflow(.dropNewest, extra: 10)
        #expect(exported == ["s0", "s1", "s2", "s3", "s4"])
        #expect(processor.droppedSpanCount == 6)
        #expect(processor.statistics.droppedQueueFull == 6)
        #expect(exported.count + processor.droppedSpanCount == 11)
        _ = processor.shutdown(timeout: .seconds(30))
    }

    @Test("dropOldest keeps the newest spans and counts every drop")
    func dropOldest() {
        let (exported, processor) = overflow(.dropOldest, extra: 10)
        #expect(exported == ["s0", "s7", "s8", "s9", "s10"])
        #expect(processor.droppedSpanCount == 6)
        #expect(exported.count + processor.droppedSpanCount == 11)
        _ = processor.shutdown(timeout: .seconds(30))
    }

    @Test(
        "under overload from 8 threads, exported plus dropped equals ended",
        arguments: [BatchSpanProcessor.DropPolicy.dropNewest, .dropOldest])
    func overloadAccounting(policy: BatchSpanProcessor.DropPolicy) {
        let exporter = RecordingExporter()
        let processor = BatchSpanProcessor(
            exporter: exporter, maxQueueSize: 16, maxExportBatchSize: 4, scheduleDelay: .milliseconds(1),
            dropPolicy: policy)
        onThreads(8) { thread in
            for index in 0..<2000 { processor.onEnd(spanData("\(thread)-\(index)")) }
        }
        #expect(processor.forceFlush(timeout: .seconds(60)) == .success)
        let statistics = processor.statistics
        #expect(statistics.received == 16_000)
        #expect(statistics.pending == 0)
        #expect(exporter.spans.count == statistics.exported)
        #expect(exporter.spans.count + processor.droppedSpanCount == 16_000)
        #expect(Set(exporter.names).count == exporter.spans.count)
        _ = processor.shutdown(timeout: .seconds(30))
    }

    @Test("a flush waiting on a blocked exporter times out; after shutdown it fails")
    func flushTimeoutAndFailure() {
        let exporter = RecordingExporter(blockFirstExport: true)
        let processor = BatchSpanProcessor(exporter: exporter, maxExportBatchSize: 1)
        processor.onEnd(spanData("stuck"))
        exporter.entered.wait()
        #expect(processor.forceFlush(timeout: .milliseconds(20)) == .timeout)
        exporter.release.open()
        #expect(processor.forceFlush(timeout: .seconds(30)) == .success)
        #expect(processor.shutdown(timeout: .seconds(30)) == .success)
        #expect(processor.forceFlush(timeout: .seconds(30)) == .failure)
    }

    @Test("a failing exporter makes the flush fail and its spans count as dropped")
    func exporterFailure() {
        let processor = BatchSpanProcessor(exporter: RecordingExporter(fails: true))
        for index in 0..<3 { processor.onEnd(spanData("\(index)")) }
        #expect(processor.forceFlush(timeout: .seconds(30)) == .failure)
        #expect(processor.statistics.droppedExportFailed == 3)
        #expect(processor.droppedSpanCount == 3)
        _ = processor.shutdown(timeout: .seconds(30))
    }

    @Test("shutdown drains, shuts the exporter down, is idempotent, and later spans are dropped and counted")
    func shutdownIdempotent() {
        let exporter = RecordingExporter()
        let processor = BatchSpanProcessor(exporter: exporter, scheduleDelay: .seconds(3600))
        for index in 0..<100 { processor.onEnd(spanData("\(index)")) }
        #expect(processor.shutdown(timeout: .seconds(30)) == .success)
        #expect(exporter.spans.count == 100)
        #expect(exporter.isShutDown)
        #expect(processor.shutdown(timeout: .seconds(30)) == .success)
        processor.onEnd(spanData("late"))
        #expect(processor.statistics.droppedAfterShutdown == 1)
        #expect(processor.droppedSpanCount == 1)
        #expect(exporter.spans.count == 100)
    }

    @Test("spans ending while the processor shuts down are all exported or counted as dropped")
    func shutdownRace() {
        for round in 0..<20 {
            let exporter = RecordingExporter()
            let processor = BatchSpanProcessor(
                exporter: exporter, maxQueueSize: 64, maxExportBatchSize: 8, scheduleDelay: .milliseconds(1))
            let results = Locked<[FlushResult]>([])
            onThreads(9) { thread in
                if thread == 8 {
                    let result = processor.shutdown(timeout: .seconds(60))
                    let again = processor.shutdown(timeout: .seconds(60))
                    results.withLock { $0 += [result, again] }
                    return
                }
                for index in 0..<300 { processor.onEnd(spanData("r\(round)-\(thread)-\(index)")) }
            }
            let statistics = processor.statistics
            #expect(results.value == [.success, .success])
            #expect(statistics.received == 2400)
            #expect(statistics.pending == 0)
            #expect(exporter.spans.count + processor.droppedSpanCount == 2400)
        }
    }
}
