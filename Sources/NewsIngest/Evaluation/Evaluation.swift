/// Scores parsed articles against ``GoldAnnotation``s: exact-match accuracy per structural field, and
/// precision, recall and F1 of entities (exact canonical name and type) per type and overall.
///
/// Add documents one by one with ``add(_:gold:name:)``, then read ``table`` or the figures.
public struct Evaluation: Sendable {
    /// Correct and total counts of one measure.
    public struct Tally: Hashable, Sendable {
        public var correct = 0
        public var total = 0
        /// `correct / total`, or 1 when there was nothing to get right.
        public var accuracy: Double { total == 0 ? 1 : Double(correct) / Double(total) }

        mutating func count(_ isCorrect: Bool) {
            total += 1
            if isCorrect { correct += 1 }
        }
    }

    /// True positives, false positives and false negatives of entity extraction.
    public struct Counts: Hashable, Sendable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        /// Share of extracted entities that are in the gold; 1 when nothing was extracted.
        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        /// Share of gold entities that were extracted; 1 when the gold has none.
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        /// Harmonic mean of precision and recall.
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }

        static func += (lhs: inout Counts, rhs: Counts) {
            lhs.truePositives += rhs.truePositives
            lhs.falsePositives += rhs.falsePositives
            lhs.falseNegatives += rhs.falseNegatives
        }
    }

    /// Structural fields, in table order.
    public static let fields = ["headline", "byline", "dateline", "publishedAt", "paragraphs", "captions",
                                "caption date", "caption place", "caption credit"]

    public private(set) var documents = 0
    /// Exact-match tallies by field name (``fields``). The caption sub-fields count captions present in both.
    public private(set) var structure: [String: Tally] = [:]
    /// Entity counts by type.
    public private(set) var entityCounts: [EntityType: Counts] = [:]
    /// Gold aliases of correctly found entities that the parser also listed under that entity.
    public private(set) var aliases = Tally()
    /// One line per miss, "NAME: what differs", in the order found.
    public private(set) var misses: [String] = []

    public init() {}

    /// All entity types summed.
    public var overall: Counts {
        entityCounts.values.reduce(into: Counts()) { $0 += $1 }
    }

    /// Scores one parsed document; `name` labels its misses.
    public mutating func add(_ article: ParsedArticle, gold: GoldAnnotation, name: String) {
        documents += 1
        func check<Value: Equatable>(_ field: String, _ found: Value, _ expected: Value) {
            structure[field, default: Tally()].count(found == expected)
            if found != expected { misses.append("\(name): \(field) is \(found), expected \(expected)") }
        }
        check("headline", article.headline, gold.headline)
        check("byline", article.byline ?? "-", gold.byline ?? "-")
        check("dateline", article.dateline ?? "-", gold.dateline ?? "-")
        check("publishedAt", article.publishedAt?.description ?? "-", gold.publishedAt?.description ?? "-")
        check("paragraphs", article.paragraphs.count, gold.paragraphCount)
        check("captions", article.captions.map(\.text), gold.captions.map(\.text))
        // Captions pair up by text, so one missed caption does not fail every caption after it.
        let found = Dictionary(article.captions.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
        for expected in gold.captions {
            guard let caption = found[expected.text] else { continue }
            check("caption date", caption.date?.description ?? "-", expected.date?.description ?? "-")
            check("caption place", caption.place ?? "-", expected.place ?? "-")
            check("caption credit", caption.credit ?? "-", expected.credit ?? "-")
        }
        scoreEntities(article.entities, gold: gold.entities, name: name)
    }

    private mutating func scoreEntities(_ entities: [NamedEntity], gold: [GoldAnnotation.Entity], name: String) {
        struct Key: Hashable {
            let name: String
            let type: EntityType
        }
        let found = Dictionary(entities.map { (Key(name: $0.name, type: $0.type), $0) }, uniquingKeysWith: { first, _ in first })
        let expected = Dictionary(gold.map { (Key(name: $0.name, type: $0.type), $0) }, uniquingKeysWith: { first, _ in first })
        for (key, entity) in expected.sorted(by: { $0.key.name < $1.key.name }) {
            if let match = found[key] {
                entityCounts[key.type, default: Counts()].truePositives += 1
                let listed = Set(match.aliases.map(\.text))
                for alias in entity.aliases {
                    aliases.count(listed.contains(alias))
                    if !listed.contains(alias) { misses.append("\(name): alias \"\(alias)\" not attached to \(key.type.rawValue) \(key.name)") }
                }
            } else {
                entityCounts[key.type, default: Counts()].falseNegatives += 1
                misses.append("\(name): missed \(key.type.rawValue) \(key.name)")
            }
        }
        for key in found.keys.sorted(by: { $0.name < $1.name }) where expected[key] == nil {
            entityCounts[key.type, default: Counts()].falsePositives += 1
            misses.append("\(name): extra \(key.type.rawValue) \(key.name)")
        }
    }

    /// The scores as a plain-text table: structure accuracy, then entity precision, recall and F1.
    public var table: String {
        func fixed(_ value: Double) -> String {
            let thousandths = Int((value * 1000).rounded())
            let fraction = String(thousandths % 1000)
            return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }
        var lines = ["\(documents) documents", "", pad("field", 16, left: true) + pad("correct", 10) + pad("accuracy", 10)]
        for field in Self.fields {
            let tally = structure[field] ?? Tally()
            lines.append(pad(field, 16, left: true) + pad("\(tally.correct)/\(tally.total)", 10) + pad(fixed(tally.accuracy), 10))
        }
        lines += ["", pad("entities", 16, left: true) + pad("gold", 6) + pad("found", 7) + pad("right", 7)
                  + pad("precision", 11) + pad("recall", 8) + pad("F1", 7)]
        let rows = EntityType.allCases.map { ($0.rawValue, entityCounts[$0] ?? Counts()) } + [("overall", overall)]
        for (label, counts) in rows {
            let gold = counts.truePositives + counts.falseNegatives
            let found = counts.truePositives + counts.falsePositives
            lines.append(pad(label, 16, left: true) + pad("\(gold)", 6) + pad("\(found)", 7) + pad("\(counts.truePositives)", 7)
                         + pad(fixed(counts.precision), 11) + pad(fixed(counts.recall), 8) + pad(fixed(counts.f1), 7))
        }
        lines += ["", "aliases: \(aliases.correct)/\(aliases.total) gold surface forms listed under the right entity (\(fixed(aliases.accuracy)))"]
        return lines.joined(separator: "\n")
    }
}
