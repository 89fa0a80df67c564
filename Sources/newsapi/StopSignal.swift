import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Blocks the calling thread until SIGINT or SIGTERM arrives.
enum StopSignal {
    static func wait() {
        let stopped = DispatchSemaphore(value: 0)
        let queue = DispatchQueue(label: "newsapi.signals")
        // The default actions would kill the process mid-write; Dispatch sources see them instead.
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { stopped.signal() }
            source.activate()
            return source
        }
        stopped.wait()
        sources.forEach { $0.cancel() }
    }
}
