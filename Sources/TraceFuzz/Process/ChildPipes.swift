#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The three close-on-exec pipes of one child: its standard input, output and error.
///
/// The child's ends are duplicated onto 0, 1 and 2 when it is spawned (duplicating clears
/// close-on-exec on the copy only) and the parent closes its copies of them right after; the parent
/// keeps the other ends until the child's output ends.
struct ChildPipes {
    /// A pipe's two descriptors.
    typealias Ends = (read: Int32, write: Int32)

    /// The child reads its request here; the parent writes.
    let input: Ends
    /// The child writes its lines here; the parent reads.
    let output: Ends
    /// The child writes messages here; the parent reads.
    let error: Ends

    /// Makes the three pipes, or closes what it made and fails.
    static func make() -> Result<ChildPipes, Errno> {
        var made: [Ends] = []
        for _ in 0..<3 {
            switch SystemCalls.makePipe() {
            case .success(let ends): made.append(ends)
            case .failure(let error):
                for ends in made {
                    close(ends.read)
                    close(ends.write)
                }
                return .failure(error)
            }
        }
        return .success(ChildPipes(input: made[0], output: made[1], error: made[2]))
    }

    /// Closes the ends the child was given (call once it has been spawned).
    func closeChildEnds() {
        close(input.read)
        close(output.write)
        close(error.write)
    }

    /// Closes the parent's ends (call once the child's output and error have ended).
    func closeParentEnds() {
        close(input.write)
        close(output.read)
        close(error.read)
    }

    /// Closes all six descriptors (when the child could not be spawned).
    func closeAll() {
        closeChildEnds()
        closeParentEnds()
    }
}
