import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One running driver process: its pipes, its buffered output, the start of its standard error.
///
/// Used from one thread at a time (``LanguageDriver`` holds it inside its lock): it writes requests,
/// reads lines until a deadline (blocking in `poll`, never spinning), and kills and reaps the process
/// when it is done with it or it stops answering.
final class DriverProcess {
    /// What a read returned.
    enum Read {
        /// A complete line, without its newline.
        case line([UInt8])
        /// The driver's output ended (it exited or crashed).
        case end
        /// The deadline passed first.
        case timeout
    }

    /// How the process ended.
    struct Ending {
        /// Its exit status, if it exited.
        var status: Int32?
        /// The signal that killed it, if one did.
        var signal: Int32?
    }

    /// Its process ID.
    let pid: Int32
    private let pipes: ChildPipes
    private var buffer: [UInt8] = []
    private var outputEnded = false
    private var errorEnded = false
    /// The start of what it wrote to standard error (bounded).
    private(set) var standardError: [UInt8] = []
    private var reaped: Ending?

    /// The longest line accepted whole.
    static let maxLineBytes = 64 << 20

    private init(pid: Int32, pipes: ChildPipes) {
        self.pid = pid
        self.pipes = pipes
    }

    /// Spawns the driver, or says why it cannot.
    static func spawn(executable: String, arguments: [String], environment: [String]) -> Result<DriverProcess, DriverError> {
        let pipes: ChildPipes
        switch ChildPipes.make() {
        case .success(let made): pipes = made
        case .failure(let error): return .failure(DriverError("cannot make a pipe: \(error)"))
        }
        let launch = ChildProcess.Launch(
            executable: executable, arguments: arguments, environment: environment, input: [])
        switch ChildProcess.spawn(launch, pipes: pipes) {
        case .failure(let error):
            pipes.closeAll()
            return .failure(DriverError("cannot spawn \(executable): \(error)"))
        case .success(let pid):
            pipes.closeChildEnds()
            SystemCalls.setNonBlocking(pipes.output.read)
            SystemCalls.setNonBlocking(pipes.error.read)
            return .success(DriverProcess(pid: pid, pipes: pipes))
        }
    }

    /// Writes bytes to the driver's standard input; `false` if it is gone.
    func write(_ bytes: [UInt8]) -> Bool {
        // A write to a driver that died must fail with EPIPE, not kill this process.
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
        return SystemCalls.writeAll(pipes.input.write, bytes)
    }

    /// The next line of output, the end of output, or a timeout at `deadline`.
    func readLine(before deadline: ContinuousClock.Instant) -> Read {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return .line(line)
            }
            if outputEnded { return .end }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { return .timeout }
            let (seconds, attoseconds) = remaining.components
            let millis = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var fds = [pollfd(fd: pipes.output.read, events: Int16(POLLIN), revents: 0)]
            if !errorEnded { fds.append(pollfd(fd: pipes.error.read, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), millis)
            if ready < 0 && errno != EINTR { return .end }
            if ready <= 0 { continue }
            if fds[0].revents != 0 { outputEnded = !drain(pipes.output.read, into: &buffer, limit: Self.maxLineBytes) }
            if fds.count > 1 && fds[1].revents != 0 {
                var error: [UInt8] = []
                errorEnded = !drain(pipes.error.read, into: &error, limit: .max)
                let room = ChildProcess.maxStandardErrorBytes - standardError.count
                if room > 0 { standardError += error.prefix(room) }
            }
        }
    }

    /// Reads what is available; `false` at end of file (or when the line limit is passed).
    private func drain(_ fd: Int32, into bytes: inout [UInt8], limit: Int) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[..<count]
                if bytes.count > limit { return false }
                continue
            }
            if count == 0 { return false }
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
        }
    }

    /// Closes its standard input (a driver exits at end of input), gives it `grace` to exit, kills it
    /// (`SIGKILL`) if it has not, and reaps it.
    @discardableResult
    func finish(grace: Duration) -> Ending {
        if let reaped { return reaped }
        close(pipes.input.write)
        let deadline = ContinuousClock.now + grace
        var status: Int32 = 0
        var result = waitpid(pid, &status, WNOHANG)
        while result == 0 && ContinuousClock.now < deadline {
            usleep(2_000)
            result = waitpid(pid, &status, WNOHANG)
        }
        if result == 0 {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        close(pipes.output.read)
        close(pipes.error.read)
        let low = status & 0x7f
        let ending = low == 0 ? Ending(status: (status >> 8) & 0xff) : Ending(signal: low)
        reaped = ending
        return ending
    }

    /// Kills it at once and reaps it.
    @discardableResult
    func terminate() -> Ending { finish(grace: .zero) }
}
