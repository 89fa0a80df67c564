import HTTPServer

/// Reads and validates a request's query and path parameters, throwing 400/404 problems that name them.
struct Parameters {
    let request: HTTPRequest

    /// An integer query parameter in `range`, or `defaultValue` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(APIError) -> Int {
        guard let text = try single(name) else { return defaultValue }
        guard let value = Parameters.decimal(text), range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
            throw .invalidParameter(name, "an integer from \(range.lowerBound)\(upper), not \"\(text)\"")
        }
        return value
    }

    /// The one value of a query parameter that takes one, or nil when absent.
    ///
    /// - Throws: a 400 when it is given more than once, rather than silently picking one.
    func single(_ name: String) throws(APIError) -> String? {
        let values = request.target.queryValues(name)
        guard values.count <= 1 else { throw .invalidParameter(name, "given once, not \(values.count) times") }
        return values.first
    }

    /// The numeric id in the path segment `name`; any other text names no resource.
    func id(_ name: String = "id", resource: String) throws(APIError) -> Int64 {
        let text = request.pathParameters[name] ?? ""
        guard let value = Parameters.decimal(text), value > 0 else {
            throw .notFound("\(resource) with id \"\(text)\" (ids are positive integers)")
        }
        return Int64(value)
    }

    /// Digits only: `Int("+5")` would accept a sign, and ids and limits never have one.
    static func decimal(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }
}
