import Foundation
import Testing

/// Keeps README.md's test-target declaration and this package's Package.swift the same, so the README
/// shows dependencies that are known to build.
@Suite struct ReadmeAgreementTests {
    /// The lines between `// README dependencies begin` and `// README dependencies end` in
    /// Package.swift, unindented and without the trailing comma, appear in README.md as a Swift code block.
    @Test func readmeShowsThisPackagesTestTarget() throws {
        let here = URL(fileURLWithPath: #filePath)
        let package = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let manifestURL = package.appendingPathComponent("Package.swift")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        let readmeURL = package.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let readme = try String(contentsOf: readmeURL, encoding: .utf8)
        let begin = try #require(manifest.range(of: "// README dependencies begin\n"))
        let end = try #require(manifest.range(of: "        // README dependencies end"))
        let lines = manifest[begin.upperBound..<end.lowerBound].split(separator: "\n")
        var block = lines.map { $0.dropFirst(8) }.joined(separator: "\n")
        if block.hasSuffix(",") { block.removeLast() }  // the manifest's list separator
        let shown = readme.contains("```swift\n" + block + "\n```\n")
        #expect(shown, "README.md does not show Package.swift's test target:\n\(block)")
    }
}
