#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few system calls process hops need beyond what the C library module exports by name.
///
/// `pipe2` and `posix_spawn_file_actions_addclosefrom_np` are GNU extensions the Swift `Glibc` module
/// does not import; they are looked up once by name. Where they are missing, a pipe is made with `pipe`
/// and marked close-on-exec at once, and spawned children close nothing extra.
enum SystemCalls {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    private typealias CloseFrom =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    private nonisolated(unsafe) static let library = dlopen(nil, RTLD_NOW)
    private static let pipe2: Pipe2? = dlsym(library, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    private static let closeFrom: CloseFrom? = dlsym(library, "posix_spawn_file_actions_addclosefrom_np").map
    {
        unsafeBitCast($0, to: CloseFrom.self)
    }

    /// A pipe whose two ends are close-on-exec: `(read, write)`, or the `errno` it failed with.
    static func makePipe() -> Result<(read: Int32, write: Int32), Errno> {
        var fds: [Int32] = [-1, -1]
        if let pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { return .failure(Errno.current) }
        } else {
            guard pipe(&fds) == 0 else { return .failure(Errno.current) }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        return .success((fds[0], fds[1]))
    }

    /// Adds "close every descriptor from `lowest` up" to spawn file actions, where the C library can.
    static func addCloseFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) {
        guard let closeFrom else { return }
        _ = closeFrom(&actions, lowest)
    }

    /// Makes a descriptor non-blocking.
    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }

    /// Writes all of `bytes` to a blocking descriptor; `false` if the descriptor failed first.
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// How many pipes and sockets this process has open (from `/proc/self/fd`): the kinds of descriptor
    /// process hops make, and could leak. Other kinds come and go with the runtime (Dispatch's event
    /// descriptors, made lazily; files the runtime reads briefly) and are not counted. `nil` where `/proc`
    /// is not readable.
    static func openDescriptorCount() -> Int? {
        guard let directory = opendir("/proc/self/fd") else { return nil }
        defer { closedir(directory) }
        let own = dirfd(directory)
        var count = 0
        var target = [CChar](repeating: 0, count: 256)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let fd = Int32(name), fd != own else { continue }
            let length = readlink("/proc/self/fd/\(fd)", &target, target.count - 1)
            let text =
                length > 0
                ? String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
            if text.hasPrefix("pipe:") || text.hasPrefix("socket:") { count += 1 }
        }
        return count
    }

    /// The children of this process in state Z (exited, not reaped), from `/proc`.
    static func zombieChildren() -> [Int32] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        let me = getpid()
        var zombies: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = Int32(name), let stat = ProcessStat(pid: pid) else { continue }
            if stat.parent == me && stat.state == UInt8(ascii: "Z") { zombies.append(pid) }
        }
        return zombies
    }

    /// The inode of the object behind a descriptor (a pipe's inode identifies the pipe).
    static func inode(of fd: Int32) -> UInt64? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }
}

/// The state and parent of a process, read from `/proc/PID/stat`.
struct ProcessStat {
    /// `R`, `S`, `D`, `Z`, …
    let state: UInt8
    /// The parent's process ID.
    let parent: Int32

    /// Reads `/proc/PID/stat`; `nil` if the process is gone or the file is unreadable. Parses bytes, not
    /// strings: a worker reads one of these for every process on the machine.
    init?(pid: Int32) {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        // "pid (comm) S ppid …": the command may hold spaces and parentheses, so read after the last ')'.
        guard let close = buffer[..<count].lastIndex(of: UInt8(ascii: ")")), close + 4 < count else { return nil }
        state = buffer[close + 2]
        var parent: Int32 = 0
        var index = close + 4
        while index < count, buffer[index] >= UInt8(ascii: "0"), buffer[index] <= UInt8(ascii: "9") {
            parent = parent * 10 + Int32(buffer[index] - UInt8(ascii: "0"))
            index += 1
        }
        self.parent = parent
    }
}

/// An `errno` value, with its message.
struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    /// The number.
    let code: Int32

    /// The calling thread's current `errno`.
    static var current: Errno { Errno(code: errno) }

    /// `strerror`'s text and the number.
    var description: String { "\(String(cString: strerror(code))) (errno \(code))" }
}
