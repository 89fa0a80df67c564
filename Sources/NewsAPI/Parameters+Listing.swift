import Foundation
import HTTPServer
import NewsIngest
import NewsStore

/// The query parameters of listings: page size and cursor, search queries and filter values.
extension Parameters {
    /// `limit`, 1 to 100, default 20, as every listing takes it.
    ///
    /// - Throws: a 400 for `offset`, which listings no longer take: silently ignoring it would send a
    ///   client that pages with it the first page again and again.
    func limit() throws(APIError) -> Int {
        if request.target.queryValue("offset") != nil {
            throw APIError(.badRequest, "the parameter `offset` is not supported: listings are paged with `cursor`, "
                           + "the `page.next` value (or `Link: rel=\"next\"`) of the previous page",
                           type: .invalidParameter, extensions: ["parameter": ProblemDetails.JSONFragment("offset")])
        }
        return try integer("limit", in: 1...100, default: 20)
    }

    /// The page key in `cursor`, which must come from a page of the same listing; nil when absent.
    func cursor(for listing: ListingIdentity) throws(APIError) -> PageKey? {
        guard let text = try single("cursor") else { return nil }
        do {
            return try Cursor.decode(text, listing: listing)
        } catch {
            switch error {
            case .malformed:
                throw Self.cursorMismatch
            case .otherVersion:
                throw .invalidParameter("cursor", "a cursor from this version of the server; start again without `cursor`")
            case .otherListing:
                throw .invalidParameter("cursor", "sent with the same path and parameters (other than `limit`) as the request "
                                        + "whose page it came from; start again without `cursor` to change them")
            }
        }
    }

    /// The 400 for a cursor the store finds does not fit the listing.
    static let cursorMismatch = APIError.invalidParameter("cursor", "the `page.next` value of a previous page, unchanged")

    /// `true` or `false`; nil when absent.
    func boolean(_ name: String) throws(APIError) -> Bool? {
        switch try single(name) {
        case nil: return nil
        case "true": return true
        case "false": return false
        case let text?: throw .invalidParameter(name, "true or false, not \"\(text)\"")
        }
    }

    /// An ISO 8601 calendar date, `YYYY-MM-DD`; nil when absent.
    func date(_ name: String) throws(APIError) -> CalendarDate? {
        guard let text = try single(name) else { return nil }
        guard let date = CalendarDate(iso8601: text) else {
            throw .invalidParameter(name, "a date written YYYY-MM-DD (ISO 8601), not \"\(text)\"")
        }
        return date
    }

    /// The most values a repeatable id parameter takes: each is a condition of its own.
    static let maximumRepeats = 20

    /// Every value of a repeatable parameter of entity ids, each a positive integer.
    func ids(_ name: String) throws(APIError) -> [Int64] {
        let values = request.target.queryValues(name)
        guard values.count <= Self.maximumRepeats else {
            throw .invalidParameter(name, "given at most \(Self.maximumRepeats) times, not \(values.count)")
        }
        var ids: [Int64] = []
        for text in values {
            guard let value = Parameters.decimal(text), value > 0 else {
                throw .invalidParameter(name, "a positive integer entity id, not \"\(text)\"")
            }
            ids.append(Int64(value))
        }
        return ids
    }

    /// An entity type, written as its label in any case; nil when absent.
    func entityType(_ name: String) throws(APIError) -> EntityType? {
        guard let text = try single(name) else { return nil }
        guard let type = EntityType(rawValue: text.uppercased()) else {
            let names = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidParameter(name, "one of \(names), not \"\(text)\"")
        }
        return type
    }

    /// Text to compare with names: white space at either end removed; nil when absent.
    ///
    /// - Throws: a 400 when it is empty, longer than 200 characters, or holds control characters
    ///   (which no name holds, and which SQLite would cut a bound string at, for NUL).
    func name(_ name: String) throws(APIError) -> String? {
        guard let text = try single(name) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200,
              !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidParameter(name, "a name of 1 to 200 characters without control characters")
        }
        return trimmed
    }

    /// One of a fixed set of values; `defaultValue` when absent.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, default defaultValue: Value) throws(APIError) -> Value
    where Value.RawValue == String {
        guard let text = try single(name) else { return defaultValue }
        guard let value = Value(rawValue: text) else {
            throw .invalidParameter(name, "one of \(Value.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\"")
        }
        return value
    }

    /// The search query in `name`, translated for the full-text index; nil when absent.
    ///
    /// - Throws: a 400 of type `invalid-query` saying why the text cannot be searched.
    func searchQuery(_ name: String = "q") throws(APIError) -> SearchQuery? {
        guard let text = try single(name) else { return nil }
        do {
            return try SearchQuery(text)
        } catch {
            throw APIError.invalidQuery(name, error.description)
        }
    }
}

extension APIError {
    /// 400 for a search query that cannot be searched; `reason` says why.
    static func invalidQuery(_ parameter: String, _ reason: String) -> APIError {
        APIError(.badRequest, "the parameter `\(parameter)` cannot be searched: \(reason)", type: .invalidQuery,
                 extensions: ["parameter": ProblemDetails.JSONFragment(parameter)])
    }
}
