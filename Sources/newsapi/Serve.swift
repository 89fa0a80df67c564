import ArgumentParser
import Dispatch
import Foundation
import HTTPServer
import Logging
import NewsAPI
import NewsStore

/// `newsapi serve`: migrate, ingest the seeds not stored yet, then answer HTTP until SIGINT or SIGTERM.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the news API over HTTP/1.1.")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    // Unconditional parsing: a negative number is a value to reject with a clear message, not an unknown flag.
    @Option(parsing: .unconditional, help: "TCP port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "SQLite database file; its folder is created if needed.")
    var db = "data/news.sqlite"

    @Option(help: "Folder of documents to ingest at start-up when not stored yet.")
    var seeds = "seeds"

    @Flag(help: "Do not log one line per request to standard error.")
    var noAccessLog = false

    @Option(parsing: .unconditional, help: "Seconds that in-flight requests get to finish after SIGINT or SIGTERM before their connections are closed.")
    var gracePeriod = 30

    @Option(help: ArgumentHelp("Handlers that may run at once; further requests wait their turn.", valueName: "count"))
    var maxConcurrentHandlers = ServerConfiguration().maxConcurrentHandlers

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Connections held open at once; beyond it, new ones wait in the listen queue. "
            + "Default: what the open-file limit allows, less \(Serve.reservedDescriptors) for the database and logs.",
        valueName: "count"))
    var maxConnections: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds an idle keep-alive connection stays open.", valueName: "seconds"))
    var keepAliveTimeout = 15

    @Option(name: .customLong("cors-origin"), help: ArgumentHelp(
        "Origin whose scripts may read responses (scheme://host[:port]); repeat it or separate origins with commas. Default: * (any).",
        valueName: "origin"))
    var corsOrigins: [String] = []

    @Option(help: ArgumentHelp(
        "Key that writes (POST, PATCH, DELETE) must send as `Authorization: Bearer KEY`: 16 or more letters, digits and -._~+/. "
            + "Also read from \(Serve.apiKeyVariable), which other users cannot see in the process list. "
            + "Without a key, writes are open on a loopback address and refused on any other.",
        valueName: "key"))
    var apiKey: String?

    /// Descriptors kept out of the connection budget: the database and its WAL files, standard streams, seed files.
    static let reservedDescriptors = 64

    /// The environment variable that holds the API key when `--api-key` is not given.
    static let apiKeyVariable = "NEWSAPI_API_KEY"

    /// `--api-key`, else the environment's key; an empty variable counts as unset.
    private var configuredKey: String? {
        apiKey ?? ProcessInfo.processInfo.environment[Serve.apiKeyVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard gracePeriod >= 0 else { throw ValidationError("--grace-period must be 0 or more seconds") }
        guard maxConcurrentHandlers >= 1 else { throw ValidationError("--max-concurrent-handlers must be at least 1") }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be at least 1") }
        guard keepAliveTimeout >= 1 else { throw ValidationError("--keep-alive-timeout must be at least 1 second") }
        do {
            _ = try CORSFilter(parsing: corsOrigins)
        } catch {
            throw ValidationError("--cors-origin: \(error)")
        }
        if let key = configuredKey, APIKey(key) == nil {
            let source = apiKey != nil ? "--api-key" : Serve.apiKeyVariable
            throw ValidationError("\(source) must be at least \(APIKey.minimumLength) characters, each a letter, a digit or one of -._~+/ "
                + "(then any number of =), so that it can be sent as a bearer token; `openssl rand -base64 32` makes one")
        }
    }

    func run() throws {
        // Before the database is opened: a refused setting should leave no file created or migrated.
        let descriptors = FileDescriptorLimit.raiseToHard()
        let affordable = max(1, descriptors - Serve.reservedDescriptors)
        if let maxConnections, maxConnections > affordable {
            throw CommandFailure("--max-connections \(maxConnections) is more than the open-file limit (\(descriptors)) allows; "
                + "raise it (ulimit -Hn) or ask for at most \(affordable)")
        }

        let store = try openStore(at: db)
        let intake = DocumentIntake(store: store)

        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maxConcurrentHandlers = maxConcurrentHandlers
        configuration.maxConnections = maxConnections ?? affordable
        configuration.keepAliveTimeout = .seconds(keepAliveTimeout)
        var accessLog: Logger?
        if !noAccessLog {
            var logger = Logger(label: "newsapi.access") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .info
            accessLog = logger
        }
        let filters = NewsAPI.responseFilters(cors: try CORSFilter(parsing: corsOrigins))
        let access = WriteAccess(listeningOn: host, apiKey: configuredKey.flatMap(APIKey.init))
        let server = HTTPServer(configuration: configuration, router: NewsAPI(intake: intake, access: access).router(),
                                filters: filters, accessLog: accessLog)
        // Listen before touching the database with seeds: a port in use should fail before anything is written.
        do {
            try server.start()
        } catch {
            throw CommandFailure("cannot listen on \(host):\(port): \(error)")
        }
        let started = ContinuousClock.now
        let seeded = try BulkIngest(parser: intake.parser).run(DocumentFiles.list([seeds]), store: store) { _ in }
        say("seeds: " + seeded.summary(elapsed: ContinuousClock.now - started, dryRun: false))
        let outdated = try store.outdatedArticleCount()
        if outdated > 0 {
            say("note: \(outdated) stored articles were read by an older parser; `newsapi reparse --db \(db)` reads them again")
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        if case .refused = access {
            say("warning: \(shownHost) is reachable from other machines and no API key is set, so writes (POST, PATCH, DELETE) "
                + "are refused with 403; set --api-key or \(Serve.apiKeyVariable) to allow them")
        }
        say("newsapi listening on http://\(shownHost):\(server.port)")

        StopSignal.wait()
        say("stopping: finishing in-flight requests for up to \(gracePeriod) s")
        server.shutdown(gracePeriod: .seconds(gracePeriod))
        try store.close()
        say("stopped")
    }
}

/// Opens (creating its folder) and migrates the database, with a message naming the file on failure.
func openStore(at path: String) throws -> NewsStore {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
        if isFolder.boolValue { throw CommandFailure("cannot open the database \(path): it is a folder") }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else {
            throw CommandFailure("cannot open the database \(path): it is not a regular file")
        }
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw CommandFailure("cannot open the database \(path): it is not writable")
        }
    }
    do {
        return try NewsStore(path: path)
    } catch {
        throw CommandFailure("cannot open the database \(path): \(error)")
    }
}
