// swift-tools-version:6.1
// Fuzzes real tracers with TraceFuzz: any swift-distributed-tracing `Tracer` (InMemoryTracer ready-made),
// and swift-otel through its public API, exporting over OTLP/HTTP to a receiver on 127.0.0.1. A separate
// package so the core keeps zero dependencies; it depends on the core by path.
import PackageDescription

let reproDependencies: [Target.Dependency] = [
    "OTLPLoopback",
    "TracerFlush",
    .product(name: "OTel", package: "swift-otel"),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "Tracing", package: "swift-distributed-tracing"),
]

let package = Package(
    name: "DistributedTracingIntegration",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TraceFuzzDistributedTracing", targets: ["TraceFuzzDistributedTracing"]),
        .library(name: "TraceFuzzSwiftOTel", targets: ["TraceFuzzSwiftOTel"]),
        .executable(name: "tracefuzz-tracing", targets: ["tracefuzz-tracing"]),
    ],
    dependencies: [
        .package(name: "TraceFuzz", path: "../.."),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", exact: "1.7.3"),
        .package(url: "https://github.com/swift-otel/swift-otel.git", exact: "1.6.0", traits: ["OTLPHTTP"]),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
    ],
    targets: [
        // A small OTLP/HTTP (JSON) trace receiver on 127.0.0.1: where swift-otel's real exporter sends.
        .target(
            name: "OTLPLoopback",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        // `Tracer.forceFlush()` without the deprecation warning swift-distributed-tracing 1.7.3 attaches to it.
        .target(name: "TracerFlush", dependencies: [.product(name: "Tracing", package: "swift-distributed-tracing")]),
        .target(
            name: "TraceFuzzDistributedTracing",
            dependencies: [
                "TracerFlush",
                .product(name: "TraceFuzz", package: "TraceFuzz"),
                .product(name: "TraceCore", package: "TraceFuzz"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ]),
        .target(
            name: "TraceFuzzSwiftOTel",
            dependencies: [
                "TraceFuzzDistributedTracing",
                "OTLPLoopback",
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "tracefuzz-tracing",
            dependencies: [
                "TraceFuzzDistributedTracing", "TraceFuzzSwiftOTel",
                .product(name: "TraceFuzzCommandLine", package: "TraceFuzz"),
            ]),
        // Standalone reproductions of the swift-otel findings (findings/): swift-otel's public API and
        // OTLPLoopback only, no TraceFuzz.
        .executableTarget(name: "repro-flush-keeps-buffer", dependencies: reproDependencies),
        .executableTarget(name: "repro-flush-skips-intake", dependencies: reproDependencies),
        .executableTarget(name: "repro-otlp-json-span-ids", dependencies: reproDependencies),
        .testTarget(
            name: "TraceFuzzDistributedTracingTests",
            dependencies: [
                "TraceFuzzDistributedTracing",
                .product(name: "TraceFuzz", package: "TraceFuzz"),
                .product(name: "TraceFuzzTesting", package: "TraceFuzz"),
            ]),
        .testTarget(
            name: "TraceFuzzSwiftOTelTests",
            dependencies: ["TraceFuzzSwiftOTel", .product(name: "TraceFuzz", package: "TraceFuzz")]),
        .testTarget(name: "OTLPLoopbackTests", dependencies: ["OTLPLoopback"]),
    ],
    swiftLanguageModes: [.v6]
)
