/// A photo caption as printed under a news photo.
///
/// JSON: `{"text", "isFilePhoto", "date": "YYYY-MM-DD" | null, "place" | null, "credit" | null}`.
public struct Caption: Hashable, Sendable, Codable {
    /// The caption text as written, including any `FILE - ` prefix, without the trailing photo credit.
    public var text: String
    /// True for archive photos, which AP marks with a leading `FILE - `.
    public var isFilePhoto: Bool
    /// The day the photo was taken, from a trailing "Place, Mon. D, YYYY." when present.
    public var date: CalendarDate?
    /// The place the photo was taken, from the same trailing phrase ("Amman, Jordan").
    public var place: String?
    /// Who took or supplied the photo, from a closing parenthesis: "AP Photo/Jane Doe", "Photo by Jane Doe", "Reuters".
    public var credit: String?

    public init(text: String, isFilePhoto: Bool, date: CalendarDate?, place: String?, credit: String? = nil) {
        self.text = text
        self.isFilePhoto = isFilePhoto
        self.date = date
        self.place = place
        self.credit = credit
    }

    private enum CodingKeys: String, CodingKey {
        case text, isFilePhoto, date, place, credit
    }

    /// Writes absent values as JSON null, so every caption has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(isFilePhoto, forKey: .isFilePhoto)
        try container.encode(date, forKey: .date)
        try container.encode(place, forKey: .place)
        try container.encode(credit, forKey: .credit)
    }
}
