import Glibc

/// The process's limit on open file descriptors (`RLIMIT_NOFILE`), which bounds how many
/// connections the server can hold at once: each takes one descriptor.
enum FileDescriptorLimit {
    /// Raises the soft limit to the hard limit, as servers that hold many idle connections do
    /// (the soft limit is often 1,024 while the hard one allows far more), and returns the soft
    /// limit in force afterwards. Nothing is raised when the call is refused.
    static func raiseToHard() -> Int {
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        // RLIM_INFINITY is all ones; no server holds that many connections anyway.
        return Int(clamping: min(limit.rlim_cur, 1 << 20))
    }
}
