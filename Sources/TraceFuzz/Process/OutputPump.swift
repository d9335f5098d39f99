#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Moves bytes between the parent and one child until the child's output and error both end: writes
/// the request to its standard input, splits its standard output into lines, and keeps the start of
/// its standard error. Blocks in `poll` on the three descriptors; never spins.
struct OutputPump {
    private let pipes: ChildPipes
    private let output: (ChildProcess.Output) -> Void
    private var input: [UInt8]
    private var written = 0
    private var line: [UInt8] = []
    private var skippingLongLine = false
    private var outputOpen = true
    private var errorOpen = true
    /// The start of the child's standard error.
    private(set) var standardError: [UInt8] = []

    /// A pump for one child's pipes.
    init(input: [UInt8], pipes: ChildPipes, output: @escaping (ChildProcess.Output) -> Void) {
        self.input = input
        self.pipes = pipes
        self.output = output
    }

    /// Runs until the child's standard output and error have both ended.
    mutating func run() {
        SystemCalls.setNonBlocking(pipes.input.write)
        SystemCalls.setNonBlocking(pipes.output.read)
        SystemCalls.setNonBlocking(pipes.error.read)
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while outputOpen || errorOpen {
            var descriptors = [
                pollfd(
                    fd: written < input.count ? pipes.input.write : -1, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: outputOpen ? pipes.output.read : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errorOpen ? pipes.error.read : -1, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if descriptors[0].revents != 0 { writeInput() }
            if descriptors[1].revents != 0 { readOutput(&buffer) }
            if descriptors[2].revents != 0 { readError(&buffer) }
        }
        if !line.isEmpty && !skippingLongLine { output(.unterminated(line)) }
    }

    private mutating func writeInput() {
        let count = input.withUnsafeBytes { bytes in
            write(pipes.input.write, bytes.baseAddress! + written, bytes.count - written)
        }
        if count > 0 {
            written += count
        } else if count < 0 && errno != EAGAIN && errno != EINTR {
            // The child closed its input or died: stop writing; its output tells the rest.
            written = input.count
        }
        if written >= input.count { input = [] }
    }

    private mutating func readOutput(_ buffer: inout [UInt8]) {
        let count = buffer.withUnsafeMutableBytes { read(pipes.output.read, $0.baseAddress, $0.count) }
        if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) {
            outputOpen = false
            return
        }
        guard count > 0 else { return }
        var start = 0
        for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
            append(buffer[start..<index])
            if skippingLongLine {
                skippingLongLine = false
            } else {
                output(.line(line))
            }
            line.removeAll(keepingCapacity: true)
            start = index + 1
        }
        append(buffer[start..<count])
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        guard !skippingLongLine, !bytes.isEmpty else { return }
        line.append(contentsOf: bytes)
        if line.count > ChildProcess.maxLineBytes {
            output(.tooLong(Array(line.prefix(256))))
            skippingLongLine = true
            line.removeAll(keepingCapacity: false)
        }
    }

    private mutating func readError(_ buffer: inout [UInt8]) {
        let count = buffer.withUnsafeMutableBytes { read(pipes.error.read, $0.baseAddress, $0.count) }
        if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) {
            errorOpen = false
            return
        }
        guard count > 0 else { return }
        let room = ChildProcess.maxStandardErrorBytes - standardError.count
        if room > 0 { standardError.append(contentsOf: buffer[0..<min(count, room)]) }
    }
}
