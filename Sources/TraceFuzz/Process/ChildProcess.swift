import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Spawns one child process with `posix_spawn` and sees it through to the end on a thread of its own.
///
/// The thread makes three close-on-exec pipes, spawns the child with them duplicated onto its standard
/// input, output and error (and every other descriptor closed, where the C library can), writes the
/// request to the child's standard input, reads its output and error until both reach end of file,
/// waits for it to exit (`waitid` with `WNOWAIT`, so the registry never signals a recycled process ID),
/// reaps it, reports, and ends. Nothing polls: the thread blocks in `poll` and `waitid`.
///
/// The child's standard input stays open after the request until its output ends: it is the child's
/// *lifeline*. When the parent dies, or gives up on the child, the worker reads end of file there and
/// exits, so a child never outlives its parent.
///
/// The child is spawned from the thread that reads it, which lives exactly as long as the child.
enum ChildProcess {
    /// What to run.
    struct Launch: Sendable {
        /// The executable's path.
        var executable: String
        /// The arguments after the program name.
        var arguments: [String]
        /// The child's whole environment, as `NAME=value`.
        var environment: [String]
        /// What to write to the child's standard input.
        var input: [UInt8]
    }

    /// A piece of the child's standard output.
    enum Output: Sendable {
        /// A complete line, without its newline.
        case line([UInt8])
        /// A line longer than ``maxLineBytes``: its start; the rest is skipped.
        case tooLong([UInt8])
        /// Bytes after the last newline when the output ended.
        case unterminated([UInt8])
    }

    /// How the child ended.
    struct Exit: Sendable {
        /// Its process ID, or 0 if it never started.
        var pid: Int32 = 0
        /// Its exit status, if it exited.
        var status: Int32?
        /// The signal that killed it, if one did.
        var signal: Int32?
        /// The start of its standard error.
        var standardError: [UInt8] = []
        /// Why it could not be started or waited for.
        var spawnError: String?
        /// Whether the registry killed it.
        var killed = false
    }

    /// The longest output line passed on whole.
    static let maxLineBytes = 1 << 20
    /// How much of the child's standard error is kept.
    static let maxStandardErrorBytes = 16 << 10

    /// Spawns the child on a new thread; `output` is called for each piece of its standard output, in
    /// order, then `exit` once it has been reaped. The registry forgets the child after `exit` returns.
    static func start(
        _ launch: Launch, site: String, registry: ChildRegistry, output: @escaping @Sendable (Output) -> Void,
        exit: @escaping @Sendable (Exit) -> Void
    ) {
        let thread = Thread {
            var result = run(launch, site: site, registry: registry, output: output)
            if result.pid != 0 { result.killed = registry.wasKilled(result.pid) }
            exit(result)
            if result.pid != 0 { registry.remove(result.pid) }
        }
        thread.name = "tracefuzz-child \(site)"
        thread.stackSize = 512 << 10
        thread.start()
    }

    private static func run(
        _ launch: Launch, site: String, registry: ChildRegistry, output: @escaping @Sendable (Output) -> Void
    ) -> Exit {
        // A write to a child that died must fail with EPIPE, not kill this process. SIGPIPE is sent to
        // the writing thread, so blocking it here is enough; the child gets a clean mask (below).
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)

        var exit = Exit()
        let pipes: ChildPipes
        switch ChildPipes.make() {
        case .success(let made): pipes = made
        case .failure(let error):
            exit.spawnError = "cannot make a pipe: \(error)"
            return exit
        }
        switch spawn(launch, pipes: pipes) {
        case .failure(let error):
            pipes.closeAll()
            exit.spawnError = "cannot spawn \(launch.executable): \(error)"
            return exit
        case .success(let pid):
            exit.pid = pid
        }
        registry.add(exit.pid, site: site, leadsGroup: ChildProcessGroup.leads.load(ordering: .relaxed))
        pipes.closeChildEnds()
        var pump = OutputPump(input: launch.input, pipes: pipes, output: output)
        pump.run()
        exit.standardError = pump.standardError
        pipes.closeParentEnds()
        reap(&exit, registry: registry)
        return exit
    }

    /// Spawns `launch` with `pipes` on its standard input, output and error, every other descriptor closed.
    static func spawn(_ launch: Launch, pipes: ChildPipes) -> Result<Int32, Errno> {
        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, pipes.input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, pipes.output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, pipes.error.write, 2)
        SystemCalls.addCloseFrom(&actions, 3)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ChildProcessGroup.leads.load(ordering: .relaxed) {
            // A group of its own (its ID is the child's), which the watchdog kills whole.
            flags |= POSIX_SPAWN_SETPGROUP
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([launch.executable] + launch.arguments).map { strdup($0) }
        let envp = launch.environment.map { strdup($0) }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = (argv + [nil]).withUnsafeBufferPointer { arguments in
            (envp + [nil]).withUnsafeBufferPointer { environment in
                posix_spawn(
                    &pid, launch.executable, &actions, &attributes,
                    UnsafeMutablePointer(mutating: arguments.baseAddress!),
                    UnsafeMutablePointer(mutating: environment.baseAddress!))
            }
        }
        return status == 0 ? .success(pid) : .failure(Errno(code: status))
    }

    /// Waits for the child to exit without reaping it, marks it exited, then reaps it.
    private static func reap(_ exit: inout Exit, registry: ChildRegistry) {
        var info = siginfo_t()
        while waitid(P_PID, id_t(exit.pid), &info, WEXITED | WNOWAIT) != 0 {
            if errno == EINTR { continue }
            exit.spawnError = "cannot wait for pid \(exit.pid): \(Errno.current)"
            break
        }
        registry.markExited(exit.pid)
        var status: Int32 = 0
        while waitpid(exit.pid, &status, 0) < 0 {
            if errno == EINTR { continue }
            if exit.spawnError == nil { exit.spawnError = "cannot reap pid \(exit.pid): \(Errno.current)" }
            return
        }
        let low = status & 0x7f
        if low == 0 {
            exit.status = (status >> 8) & 0xff
        } else if low != 0x7f {
            exit.signal = low
        }
    }
}
