// swift-otel 1.6.0: `forceFlush()` exports a copy of the batch buffer and never removes what it exported,
// so every later flush, the next scheduled batch and the shutdown flush export the same spans again.
//
// One span, two flushes, a shutdown; the receiver counts how often the span arrives. Expected: once.
// Public API only: `OTel.makeTracingBackend`, its OTLP/HTTP JSON exporter, a ServiceGroup, and a small
// OTLP receiver on 127.0.0.1 (OTLPLoopback, in this package). Exit status 1 while the bug is present.
import Foundation
import Logging
import OTLPLoopback
import OTel
import ServiceLifecycle
import TracerFlush
import Tracing

let receiver = try await OTLPLoopbackReceiver.start()
let sink = receiver.makeSink()

var configuration = OTel.Configuration.default
configuration.serviceName = "repro-flush-keeps-buffer"
configuration.logs.enabled = false
configuration.metrics.enabled = false
configuration.traces.otlpExporter.endpoint = sink.endpoint
configuration.traces.otlpExporter.protocol = .httpJSON
// The defaults otherwise: a batch processor with a 5 s schedule delay, 512 spans a batch.
let backend = try OTel.makeTracingBackend(configuration: configuration)
let group = ServiceGroup(services: [backend.service], logger: Logger(label: "repro"))
let running = Task { try await group.run() }
let tracer = backend.factory

func copies() -> Int { sink.spans().filter { $0.name == "checkout" }.count }

tracer.withSpan("checkout") { _ in }
try await Task.sleep(for: .milliseconds(300))  // the span is in the batch buffer by now

forceFlush(tracer)
try await Task.sleep(for: .milliseconds(300))
let afterFirst = copies()

forceFlush(tracer)
try await Task.sleep(for: .milliseconds(300))
let afterSecond = copies()

await group.triggerGracefulShutdown()
try await running.value
let afterShutdown = copies()

print("one span ended; times the receiver got it:")
print("  after forceFlush #1  \(afterFirst)")
print("  after forceFlush #2  \(afterSecond)")
print("  after shutdown       \(afterShutdown)")
if afterShutdown > 1 {
    print("BUG: the span was exported \(afterShutdown) times; forceFlush() leaves exported spans in the buffer")
    exit(1)
}
print("ok: exported once")
