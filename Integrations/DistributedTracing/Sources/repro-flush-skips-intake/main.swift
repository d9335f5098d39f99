// swift-otel 1.6.0: `forceFlush()` exports only the batch buffer. A span that ended just before the
// flush is still in the processor's intake AsyncStream, not yet in the buffer, and is not part of the
// flush: it stays unexported until a later batch or the shutdown.
//
// Each trial ends four spans and calls forceFlush() at once; then, with no scheduled batch due (the
// schedule delay is 60 s), it waits 300 ms and looks for the spans at the receiver. A control trial
// waits 50 ms between the ends and the flush. Public API only; exit status 1 while the bug is present.
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
configuration.serviceName = "repro-flush-skips-intake"
configuration.logs.enabled = false
configuration.metrics.enabled = false
configuration.traces.otlpExporter.endpoint = sink.endpoint
configuration.traces.otlpExporter.protocol = .httpJSON
configuration.traces.batchSpanProcessor.scheduleDelay = .seconds(60)
let backend = try OTel.makeTracingBackend(configuration: configuration)
let group = ServiceGroup(services: [backend.service], logger: Logger(label: "repro"))
let running = Task { try await group.run() }
let tracer = backend.factory

func exported(_ name: String) -> Bool { sink.spans().contains { $0.name == name } }

let trials = 20
let spansPerTrial = 4
var missedRightAfter = 0
var missedAfterPause = 0
for trial in 0..<trials {
    let justBefore = (0..<spansPerTrial).map { "ended-just-before-\(trial).\($0)" }
    for name in justBefore { tracer.withSpan(name) { _ in } }
    forceFlush(tracer)
    try await Task.sleep(for: .milliseconds(300))
    missedRightAfter += justBefore.filter { !exported($0) }.count

    let withPause = (0..<spansPerTrial).map { "ended-50ms-before-\(trial).\($0)" }
    for name in withPause { tracer.withSpan(name) { _ in } }
    try await Task.sleep(for: .milliseconds(50))
    forceFlush(tracer)
    try await Task.sleep(for: .milliseconds(300))
    missedAfterPause += withPause.filter { !exported($0) }.count
}

await group.triggerGracefulShutdown()
try await running.value
let total = trials * spansPerTrial
let atShutdown = sink.spans().filter { $0.name.hasPrefix("ended-just-before-") }.map(\.name)

print("spans missing 300 ms after a forceFlush() that began after they ended (no batch was due):")
print("  ended right before the flush  \(missedRightAfter) of \(total)")
print("  ended 50 ms before the flush  \(missedAfterPause) of \(total)")
print("  (after shutdown, \(Set(atShutdown).count) of \(total) of the first kind had arrived)")
if missedRightAfter > 0 {
    print("BUG: forceFlush() did not export spans that ended before it was called")
    exit(1)
}
print("ok: every flush covered the spans that ended before it")
