// tracefuzz-tracing: the whole TraceFuzz command line for swift-distributed-tracing tracers.
//   tracefuzz-tracing run --tracer inmemory      swift-distributed-tracing's InMemoryTracer
//   tracefuzz-tracing run --tracer swift-otel    swift-otel 1.6.0, exporting over OTLP/HTTP to 127.0.0.1
import Foundation
import TraceFuzzCommandLine
import TraceFuzzDistributedTracing
import TraceFuzzSwiftOTel

let commandLine = TraceFuzzCommandLine(
    name: "tracefuzz-tracing",
    tracers: [
        FuzzTarget("inmemory", InMemoryTracerFactory(), summary: "swift-distributed-tracing 1.7.3's InMemoryTracer"),
        FuzzTarget("swift-otel", SwiftOTelFactory(), summary: "swift-otel 1.6.0 through OTLP/HTTP to a receiver on 127.0.0.1"),
    ])
exit(await commandLine.main())
