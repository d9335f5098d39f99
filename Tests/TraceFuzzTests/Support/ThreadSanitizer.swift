#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether this test process runs under ThreadSanitizer (`swift test --sanitize=thread`), for the few
/// tests whose *amount* of work must shrink there: what they assert stays the same.
enum ThreadSanitizer {
    /// `true` when the sanitizer's runtime is linked into the process.
    static let isActive: Bool = {
        #if canImport(Darwin)
            let process = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
            let process: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
        #endif
        return dlsym(process, "__tsan_acquire") != nil
    }()
}
