import Foundation

extension StringProtocol {
    /// `contains(needle)` (Foundation's, which matches canonically equivalent text) for an ASCII
    /// needle, answered from the UTF-8 bytes where the bytes decide it.
    ///
    /// No other text is canonically equivalent to these ASCII needles (none holds K, `;` or `` ` ``,
    /// the only ASCII targets of singleton decompositions), so a needle absent from the bytes is
    /// absent, and one found in all-ASCII text, where every character is one byte, is present.
    /// Found in other text, the match might split a character ("(ap photo" before a combining mark),
    /// so Foundation decides.
    func containsASCII(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        precondition(pattern.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "K") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") })
        let found: Bool? = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let head = pattern.first else { return true }
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            while index <= bytes.count - pattern.count {
                if bytes[index] == head {
                    var matched = 1
                    while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
        switch found {
        case false?: return false
        case true? where utf8.allSatisfy({ $0 < 0x80 }): return true
        default: return contains(needle)
        }
    }
}
