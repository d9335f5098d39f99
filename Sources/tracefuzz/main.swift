import Foundation

let status = await TraceFuzzTool.main(Array(CommandLine.arguments.dropFirst()), context: .standard)
exit(status.rawValue)
