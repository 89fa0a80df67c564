import ArgumentParser

/// `newsapi`: serve, ingest and parse news documents.
@main
struct NewsAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsapi",
        abstract: "A self-hosted news API: extracts articles, captions and entities from news documents and serves them as JSON.",
        subcommands: [Serve.self, Ingest.self, Parse.self, Eval.self, Reparse.self]
    )
}
