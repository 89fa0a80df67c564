import Foundation
import HTTPServer
import HTTPTestSupport
import NewsAPI
import NewsStore

/// The real stack on a temporary SQLite file: store, API routes and server on an ephemeral loopback port,
/// loaded with the seed document. Removes its files when released.
final class APITestServer {
    let folder: URL
    let store: NewsStore
    let server: HTTPServer

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seedFile = repositoryRoot.appendingPathComponent("seeds/000_30ef00eb747dd457.txt")

    /// - Parameters:
    ///   - corsOrigins: as `serve --cors-origin` takes them; none means `*`.
    ///   - access: who may write; open by default, as on a loopback address without a key.
    ///   - configure: changes to the server's limits.
    init(
        seeded: Bool = true, corsOrigins: [String] = [], access: WriteAccess = .open,
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsapi-test-\(UUID().uuidString)")
        store = try NewsStore(path: folder.appendingPathComponent("news.sqlite").path)
        let intake = DocumentIntake(store: store)
        if seeded {
            _ = try intake.ingest(try Data(contentsOf: APITestServer.seedFile))
        }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        server = HTTPServer(configuration: configuration, router: NewsAPI(intake: intake, access: access).router(),
                            filters: NewsAPI.responseFilters(cors: try CORSFilter(parsing: corsOrigins)))
        try server.start()
    }

    func client() throws -> TestClient { try TestClient(port: server.port) }

    /// Waits until the server has had a connection open and then closed them all (so a handler that
    /// was running has finished or been told its body will not come), up to `seconds`.
    func waitUntilIdle(seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        // The connection may not be accepted yet; it is seen open unless it came and went within a poll.
        let seenUntil = Date().addingTimeInterval(1)
        while server.connectionCount == 0 && Date() < seenUntil { usleep(2_000) }
        while server.connectionCount > 0 {
            guard Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    /// Polls `condition` until it holds or `seconds` pass; whether it held.
    func eventually(seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while try !condition() {
            guard Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    deinit {
        server.shutdown(gracePeriod: .seconds(2))
        try? store.close()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Two short documents in the seed's layout, for uploads.
enum SampleDocuments {
    static let nairobi = """
    Skip to main content

    Drought Deepens Across Northern Kenya as Rains Fail Again

    A herder walks past the carcasses of goats near Lodwar, Kenya, March 3, 2022.

    NAIROBI, Kenya — Kenya's National Drought Management Authority warned on Monday that more than two million people in the north face hunger after a fourth failed rainy season.

    Officials in Turkana said water points along Lake Turkana had dried up, and the World Food Programme said it would expand deliveries.

    "We have never seen it this bad," said Amina Wekesa, a county official in Lodwar.
    """

    static let geneva = """
    Breaking News

    Talks on Lake Chad Water Sharing Resume in Geneva

    By MARTA OKONJO and LEE PARK

    GENEVA - Delegates from Chad, Niger, Nigeria and Cameroon resumed talks on Tuesday over the shrinking Lake Chad, United Nations officials said.

    The Lake Chad Basin Commission said a draft agreement could be ready by the end of the year.
    """

    /// A document from `Tests/Eval/Documents` (name without `.txt`).
    static func evaluation(_ name: String) throws -> String {
        try String(contentsOf: APITestServer.repositoryRoot.appendingPathComponent("Tests/Eval/Documents/\(name).txt"), encoding: .utf8)
    }

    static func ndjsonLine(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: ["text": text])
        return String(decoding: data, as: UTF8.self)
    }
}
