import Testing
import TraceCore

@Suite("SimpleSpanProcessor") struct SimpleSpanProcessorTests {
    @Test("each span is exported before end() returns, through any exporter")
    func exportsSynchronously() {
        let recording = RecordingExporter()
        let inMemory = InMemorySpanExporter()
        let provider = TracerProvider(
            processors: [SimpleSpanProcessor(exporter: recording), SimpleSpanProcessor(exporter: inMemory)])
        for index in 0..<5 {
            provider.tracer("t").withSpan("span-\(index)") { _ in }
            #expect(recording.names.last == "span-\(index)")
            #expect(inMemory.finishedSpans().last?.name == "span-\(index)")
        }
        #expect(recording.batchSizes.allSatisfy { $0 == 1 })
        #expect(provider.forceFlush(timeout: .seconds(5)) == .success)
    }

    @Test(
        "spans ending after shutdown, or refused by the exporter, are dropped and counted",
        arguments: [false, true])
    func dropsCounted(inMemory: Bool) {
        let exporter: any SpanExporter = inMemory ? InMemorySpanExporter() : RecordingExporter()
        let processor = SimpleSpanProcessor(exporter: exporter)
        processor.onEnd(spanData("kept"))
        #expect(processor.shutdown(timeout: .seconds(5)) == .success)
        #expect(processor.shutdown(timeout: .seconds(5)) == .success)
        processor.onEnd(spanData("late"))
        #expect(processor.droppedSpanCount == 1)
        #expect(processor.forceFlush(timeout: .seconds(5)) == .failure)
        let refusing = SimpleSpanProcessor(exporter: RecordingExporter(fails: true))
        refusing.onEnd(spanData("refused"))
        #expect(refusing.droppedSpanCount == 1)
    }

    @Test("spans ending on 8 threads during shutdown are all exported or counted", arguments: [false, true])
    func shutdownRace(inMemory: Bool) {
        for _ in 0..<10 {
            let memory = InMemorySpanExporter()
            let recording = RecordingExporter()
            let processor = SimpleSpanProcessor(exporter: inMemory ? memory : recording)
            onThreads(9) { thread in
                if thread == 8 {
                    _ = processor.shutdown(timeout: .seconds(30))
                    return
                }
                for index in 0..<200 { processor.onEnd(spanData("\(thread)-\(index)")) }
            }
            let exported = inMemory ? memory.finishedSpans().count : recording.spans.count
            #expect(exported + processor.droppedSpanCount == 1600)
            #expect(!recording.overlapped)
        }
    }
}
