/// A photo caption as printed under a news photo.
///
/// JSON: `{"text", "isFilePhoto", "date": "YYYY-MM-DD" | null, "place" | null, "credit" | null}`.
public struct Caption: Hashable, Sendable, Codable {
    /// The caption text as written, including any `FILE - ` prefix, without the trailing photo credit.
    public var text: String
    /// True for archive photos, which AP marks with a leading `FILE - `.
    public var isFilePhoto: Bool
    /// The day the photo was taken, from a trailing "Place, Mon. D, YYYY." when present.
    @NullEncoded public var date: CalendarDate?
    /// The place the photo was taken, from the same trailing phrase ("Amman, Jordan").
    @NullEncoded public var place: String?
    /// Who took or supplied the photo, from a closing parenthesis: "AP Photo/Jane Doe", "Photo by Jane Doe", "Reuters".
    @NullEncoded public var credit: String?

    public init(text: String, isFilePhoto: Bool, date: CalendarDate?, place: String?, credit: String? = nil) {
        self.text = text
        self.isFilePhoto = isFilePhoto
        self.date = date
        self.place = place
        self.credit = credit
    }
}
