import Synchronization
internal import GRDB

/// Counts of search matches kept between requests: counting the articles that hold a common word
/// reads its whole posting list (about 5 ms of CPU for a word in each of 100,000 articles), and
/// people ask for the same words again and again.
///
/// Exact, not approximate: each count is kept with the `article_search_generation` it was made at,
/// read in the same read transaction, and used only while the generation read by a later
/// transaction is the same, that is, while no article's row in `article_search` has changed
/// (migration 0006 advances the generation in the transaction that changes one). Readers use it
/// only when no article is pending, since a pending article's row is missing without the
/// generation having moved yet.
final class SearchTotals: Sendable {
    private struct Entry {
        let generation: Int64
        let total: Int
    }

    /// The most counts kept; a burst of different queries beyond it starts the memory afresh.
    static let capacity = 4096

    private let entries = Mutex<[String: Entry]>([:])

    /// The generation of `article_search` in the caller's read transaction.
    static func generation(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT generation FROM article_search_generation WHERE id = 1")) ?? 0
    }

    /// The count kept for `key` at `generation`, or `count()`'s, which is then kept.
    func total(for key: String, generation: Int64, count: () throws -> Int) rethrows -> Int {
        if let entry = entries.withLock({ $0[key] }), entry.generation == generation { return entry.total }
        let total = try count()
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            // A reader of an older snapshot must not replace a newer count.
            if let kept = entries[key], kept.generation > generation { return }
            entries[key] = Entry(generation: generation, total: total)
        }
        return total
    }
}
