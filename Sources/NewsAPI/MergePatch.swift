import Foundation
import HTTPServer

/// A JSON merge patch (RFC 7396) for one resource: an object whose members replace the resource's,
/// a `null` member removing one. Reads each member with its type checked, and throws 422 problems
/// that name the member (`member`) when it is not one the resource has or holds the wrong type.
struct MergePatch {
    /// The media type of RFC 7396 §4.
    static let mediaType = "application/merge-patch+json"

    private let members: [String: JSONValue]

    /// Parses `body` and checks that it is an object with no members beyond `allowed`.
    ///
    /// - Throws: 400 ``ProblemType/invalidJSON`` when the body is not JSON; 422 ``ProblemType/invalidPatch``
    ///   when it is not an object or has another member (the first in name order is named).
    init(_ body: [UInt8], allowed: [String]) throws(APIError) {
        guard case .object(let members) = try JSONValue.parse(body) else {
            throw APIError(.unprocessableContent, "a merge patch is a JSON object of the members to change", type: .invalidPatch)
        }
        if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw MergePatch.invalid(unknown, "is not a member that can be changed; the patch may set \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
        }
        self.members = members
    }

    /// A member that must be a non-empty string when present: nil when absent.
    func requiredText(_ name: String) throws(APIError) -> String? {
        guard let value = members[name] else { return nil }
        guard case .string(let text) = value else { throw MergePatch.invalid(name, "must be a string, not \(value.typeName)") }
        try Self.checkPlainText(text, name)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw MergePatch.invalid(name, "must not be empty") }
        return trimmed
    }

    /// The longest value a patched text field takes, in Unicode code points (what JSON Schema's
    /// `maxLength` counts): a headline, byline or name is a line, not a page.
    static let maximumTextLength = 1_000

    /// One line of text, as sent (before surrounding spaces are trimmed): no control characters (a NUL
    /// would cut the stored value short, a line break or BEL has no place in a headline) and at most
    /// ``maximumTextLength`` code points.
    static func checkPlainText(_ text: String, _ name: String) throws(APIError) {
        let length = text.unicodeScalars.count
        guard length <= maximumTextLength else {
            throw MergePatch.invalid(name, "must be at most \(maximumTextLength) characters, not \(length)")
        }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw MergePatch.invalid(name, "must be one line of text, without control characters")
        }
    }

    /// A member that is a non-empty string or null (to remove it): nil when absent, `.some(nil)` for null.
    func optionalText(_ name: String) throws(APIError) -> String?? {
        guard let value = members[name] else { return nil }
        if case .null = value { return .some(nil) }
        guard case .string(let text) = value else { throw MergePatch.invalid(name, "must be a string or null, not \(value.typeName)") }
        try Self.checkPlainText(text, name)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw MergePatch.invalid(name, "must not be empty; null removes it") }
        return .some(trimmed)
    }

    /// The 422 problem for one member.
    static func invalid(_ member: String, _ problem: String) -> APIError {
        APIError(.unprocessableContent, "`\(member)` \(problem)", type: .invalidPatch,
                 extensions: ["member": ProblemDetails.JSONFragment(member)])
    }
}
