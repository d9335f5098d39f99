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
        .executable(name: "tracefuzz", targets: ["tracefuzz"]),
    ],
    targets: [
        .target(name: "TraceCore", swiftSettings: strict),
        .target(name: "TraceFuzz", dependencies: ["TraceCore"], swiftSettings: strict),
        .target(name: "TraceFuzzTesting", dependencies: ["TraceFuzz", "TraceCore"], swiftSettings: strict),
        // The planted-bug catalog: used by `tracefuzz mutants` and the tests, never shipped as a product.
        .target(name: "TraceFuzzMutants", dependencies: ["TraceFuzz", "TraceCore"], swiftSettings: strict),
        .executableTarget(
            name: "tracefuzz", dependencies: ["TraceFuzz", "TraceCore", "TraceFuzzMutants"], swiftSettings: strict),
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
            name: "tracefuzzTests", dependencies: ["tracefuzz", "TraceFuzz", "TraceCore"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
