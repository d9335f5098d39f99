import Foundation
import Testing

@Suite("README example")
struct ReadmeSyncTests {
    @Test("the README shows ReadmeExampleTests.swift's example verbatim")
    func readmeMatchesTheCompiledExample() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(
            contentsOf: here.deletingLastPathComponent().appendingPathComponent("ReadmeExampleTests.swift"),
            encoding: .utf8)
        let begin = try #require(source.range(of: "// README example begins\n"))
        let end = try #require(source.range(of: "// README example ends"))
        let example = String(source[begin.upperBound..<end.lowerBound])
        #expect(readme.contains("```swift\n" + example + "```\n"))
    }
}
