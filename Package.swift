// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "TraceFuzz",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TraceCore", targets: ["TraceCore"]),
        .library(name: "TraceFuzz", targets: ["TraceFuzz"]),
        .library(name: "TraceFuzzTesting", targets: ["TraceFuzzTesting"]),
        .library(name: "TraceFuzzCommandLine", targets: ["TraceFuzzCommandLine"]),
        .executable(name: "tracefuzz", targets: ["tracefuzz"]),
    ],
    targets: [
        .target(name: "TraceCore", swiftSettings: strict),
        .target(name: "TraceFuzz", dependencies: ["TraceCore"], swiftSettings: strict),
        .target(name: "TraceFuzzTesting", dependencies: ["TraceFuzz", "TraceCore"], swiftSettings: strict),
        // The planted-bug catalog: used by `tracefuzz mutants` and the tests, never a product of its own.
        .target(name: "TraceFuzzMutants", dependencies: ["TraceFuzz", "TraceCore"], swiftSettings: strict),
        // The whole command line as a library, for fuzzer binaries of other tracers; `mutants` is offered
        // only by the built-in tool.
        .target(
            name: "TraceFuzzCommandLine", dependencies: ["TraceFuzz", "TraceCore", "TraceFuzzMutants"],
            swiftSettings: strict),
        .executableTarget(name: "tracefuzz", dependencies: ["TraceFuzzCommandLine"], swiftSettings: strict),
        .testTarget(name: "TraceCoreTests", dependencies: ["TraceCore"], swiftSettings: strict),
        .testTarget(
            name: "TraceFuzzTests", dependencies: ["TraceFuzz", "TraceCore", "TraceFuzzMutants"],
            swiftSettings: strict),
        .testTarget(
            name: "TraceFuzzMutantsTests", dependencies: ["TraceFuzzMutants", "TraceFuzz", "TraceCore"],
            swiftSettings: strict),
        .testTarget(
            name: "TraceFuzzTestingTests", dependencies: ["TraceFuzzTesting", "TraceFuzz", "TraceCore"],
            swiftSettings: strict),
        .testTarget(
            name: "TraceFuzzCommandLineTests", dependencies: ["TraceFuzzCommandLine", "tracefuzz", "TraceFuzz", "TraceCore"],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
