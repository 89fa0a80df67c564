/// What a careful editor says a document holds: the answer key ``Evaluation`` scores the parser against.
///
/// JSON (a `NAME.gold.json` beside `NAME.txt`): `{"headline", "byline" | null, "dateline" | null,
/// "publishedAt": "YYYY-MM-DD" | null, "paragraphCount", "captions": [{"text", "isFilePhoto",
/// "date" | null, "place" | null, "credit" | null}], "entities": [{"name", "type", "aliases": [String]}]}`.
public struct GoldAnnotation: Hashable, Sendable, Codable {
    /// An entity as the editor tagged it: canonical name, OntoNotes type and every surface form used.
    public struct Entity: Hashable, Sendable, Codable {
        public var name: String
        public var type: EntityType
        public var aliases: [String]
    }

    public var headline: String
    public var byline: String?
    public var dateline: String?
    public var publishedAt: CalendarDate?
    public var paragraphCount: Int
    public var captions: [Caption]
    public var entities: [Entity]
}
