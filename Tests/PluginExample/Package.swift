// swift-tools-version:6.0
// A TraceFuzz user's package: its own executor, checked for context propagation from its own tests
// with TraceFuzzTesting. It depends on the TraceFuzz package two levels up by path, as a user would
// depend on a release, and CI runs its tests (`swift test --package-path Tests/PluginExample`).
import PackageDescription

let package = Package(
    name: "PluginExample",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "TraceFuzz", path: "../.."),
    ],
    targets: [
        .target(name: "MyExecutor", dependencies: [.product(name: "TraceCore", package: "TraceFuzz")]),
        // README dependencies begin
        .testTarget(name: "MyExecutorTests", dependencies: [
            "MyExecutor",
            .product(name: "TraceFuzz", package: "TraceFuzz"),
            .product(name: "TraceFuzzTesting", package: "TraceFuzz"),
        ]),
        // README dependencies end
    ],
    swiftLanguageModes: [.v6]
)
