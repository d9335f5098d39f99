// swift-otel 1.6.0: the OTLP/HTTP exporter with `protocol = .httpJSON` writes `traceId`, `spanId` and
// `parentSpanId` as base64 (the proto3 JSON mapping of `bytes`), where the OTLP/JSON encoding requires
// lowercase hex ("traceId and spanId ... MUST be represented as case-insensitive hex-encoded strings").
// Receivers that follow the specification reject or misread the IDs.
//
// One span is exported; the receiver prints its `spanId` as sent. Exit status 1 while it is base64.
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
configuration.serviceName = "repro-otlp-json-span-ids"
configuration.logs.enabled = false
configuration.metrics.enabled = false
configuration.traces.otlpExporter.endpoint = sink.endpoint
configuration.traces.otlpExporter.protocol = .httpJSON
let backend = try OTel.makeTracingBackend(configuration: configuration)
let group = ServiceGroup(services: [backend.service], logger: Logger(label: "repro"))
let running = Task { try await group.run() }

backend.factory.withSpan("one") { _ in }
await group.triggerGracefulShutdown()  // the shutdown exports what is left
try await running.value

guard let span = sink.spans().first else {
    print("nothing was exported")
    exit(2)
}
print("spanId as sent: \"\(span.spanIDAsSent)\" (\(span.spanIDAsSent.count) characters)")
print("the same 8 bytes in hex, as OTLP/JSON requires: \"\(span.spanID)\"")
if sink.idEncodings.contains(.base64) {
    print("BUG: span IDs are base64 in OTLP/JSON")
    exit(1)
}
print("ok: span IDs are hex")
