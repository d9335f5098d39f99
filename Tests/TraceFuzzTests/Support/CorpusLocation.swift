import Foundation

/// Where the scenario corpus is: `Scenarios/corpus` of the package, found from this file's path.
enum CorpusLocation {
    /// `Scenarios/corpus` of the package this file belongs to.
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.appendingPathComponent("Scenarios/corpus", isDirectory: true)
            }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "Scenarios/corpus", isDirectory: true)
    }()

    /// The corpus's JSON files, sorted.
    static let fileNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()
}
