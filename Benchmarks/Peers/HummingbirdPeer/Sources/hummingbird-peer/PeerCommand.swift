import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import NewsStore

/// `hummingbird-peer --db PATH --host HOST --port N`: serves `/v1/health` and `/v1/articles/{id}` from a
/// database that `newsapi` wrote, until SIGINT or SIGTERM.
@main
struct PeerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hummingbird-peer",
        abstract: "Serve newsapi's health and article routes with Hummingbird, for benchmarks.")

    @Option(help: "SQLite database written by newsapi (it must exist).")
    var db: String

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "TCP port to listen on (0 picks a free one).")
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        // NewsStore would create an empty database; a benchmark against one would measure nothing.
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("--db: no database at \(db)") }
    }

    func run() async throws {
        // Opening applies migrations not applied yet; on a database newsapi wrote there are none, so nothing is written.
        let store = try NewsStore(path: db)
        let router = Router()
        PeerRoutes(store: store).register(on: router)

        // Hummingbird logs its start at info level; only the one line below should reach standard output.
        var logger = Logger(label: "hummingbird-peer")
        logger.logLevel = .warning
        let host = host
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                // FileHandle writes at once: a benchmark script reading a pipe would wait on a buffered print.
                FileHandle.standardOutput.write(Data("listening on http://\(shownHost):\(port)\n".utf8))
            },
            logger: logger)
        // Stops accepting on SIGINT or SIGTERM and returns once open requests are answered.
        try await app.runService()
        try store.close()
    }
}
