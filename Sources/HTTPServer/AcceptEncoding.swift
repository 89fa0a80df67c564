/// What a request's `Accept-Encoding` says about content codings (RFC 9110 §12.5.3).
///
/// Each listed coding has a weight, `q` from 0 to 1 (§12.4.2); `q=0` refuses it. `*` weighs
/// every coding not listed by name. `identity` (no coding) is acceptable unless refused by
/// name or by `*;q=0`. `x-gzip` is read as `gzip` (§8.4.1.3).
public struct AcceptEncoding: Sendable, Equatable {
    /// Weights by lower-cased coding name, in thousandths (q has at most three decimals). A
    /// dictionary, not a list: a client may list thousands of codings, and each is looked up once.
    private var weights: [String: Int] = [:]
    private var anyWeight: Int?

    /// The preference in `fields`; nil when the request has no `Accept-Encoding`.
    ///
    /// A request without the field could take any coding (§12.5.3), but a client that does not
    /// say so (curl without `--compressed`) may not decode one: such requests get identity.
    public init?(_ fields: HTTPFields) {
        guard fields.contains("Accept-Encoding") else { return nil }
        for element in fields.listElements(for: "Accept-Encoding") {
            let parts = element.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
            guard let first = parts.first else { continue }
            let token = Substring(first).trimmingOWS()
            guard !token.isEmpty else { continue }
            var weight = 1000
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2, Substring(pair[0]).trimmingOWS().equalsIgnoringASCIICase("q") else { continue }
                // An unreadable weight makes the element unreadable; it is skipped rather than guessed.
                guard let parsed = AcceptEncoding.qvalue(Substring(pair[1]).trimmingOWS()) else {
                    weight = -1
                    break
                }
                weight = parsed
            }
            guard weight >= 0 else { continue }
            if token == "*" {
                anyWeight = weight
                continue
            }
            // Lower-cased only when it has capitals: most clients send lower case.
            let lower = token.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ? token.lowercased() : String(token)
            let coding = lower == "x-gzip" ? "gzip" : lower
            // A coding listed twice weighs what its last listing says.
            weights[coding] = weight
        }
    }

    /// The weight of `coding` (lower case), in thousandths: 0 for refused or not acceptable.
    public func weight(of coding: String) -> Int {
        if let weight = weights[coding] { return weight }
        if let anyWeight { return anyWeight }
        // Not named and no `*`: only identity is acceptable by default.
        return coding == "identity" ? 1000 : 0
    }

    /// Whether `coding` (lower case) may be sent: its weight is above 0.
    public func accepts(_ coding: String) -> Bool { weight(of: coding) > 0 }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )` in thousandths, or nil.
    static func qvalue(_ text: Substring) -> Int? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        var value = Int(first - UInt8(ascii: "0")) * 1000
        guard bytes.count > 1 else { return value }
        guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return nil }
        var scale = 100
        for digit in bytes.dropFirst(2) {
            guard digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") else { return nil }
            value += Int(digit - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return value <= 1000 ? value : nil
    }
}
