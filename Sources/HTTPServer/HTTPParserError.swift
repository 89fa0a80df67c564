/// Why a request could not be parsed. Each maps to the status the client is owed;
/// the connection is closed after the response because its framing can no longer be trusted.
public struct HTTPParserError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The status to answer with: 400, 413, 414, 431, 501 or 505.
    public let status: HTTPStatus
    /// What was wrong, for the problem's `detail`.
    public let reason: String

    init(_ status: HTTPStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    static func bad(_ reason: String) -> HTTPParserError { HTTPParserError(.badRequest, reason) }

    public var description: String { "\(status.code): \(reason)" }
}
