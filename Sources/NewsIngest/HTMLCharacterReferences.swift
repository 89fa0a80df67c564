import Foundation

/// Decodes HTML character references (`&amp;`, `&rsquo;`, `&#8217;`, `&#x2019;`) left in text
/// captured from web pages, following the WHATWG HTML rules where they matter for news text.
///
/// A reference that names nothing, or a number that is not a character a document may hold (NUL,
/// other control characters, surrogates, beyond U+10FFFF), is left as written: guessing would put
/// U+FFFD or a control character into the article. Numbers 128–159 are read as Windows-1252, as
/// browsers do, because that is what the page that wrote `&#146;` meant.
enum HTMLCharacterReferences {
    /// Pages that escape their text twice or three times exist; more levels are not text anyone wrote,
    /// and each pass costs a scan of the whole document.
    static let maximumPasses = 4
    /// Longest name in the table ("CounterClockwiseContourIntegral" has 31 letters).
    private static let longestName = 32

    /// The named references, name (without `&` and `;`) → replacement, read once from the bundle.
    private static let named: [String: String] = {
        guard let url = Bundle.module.url(forResource: "html_entities", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("NewsIngest resource html_entities.txt is missing from the bundle")
        }
        var table: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            let scalars = fields[1].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            table[String(fields[0])] = String(String.UnicodeScalarView(scalars))
        }
        return table
    }()

    /// `text` with its references decoded, repeatedly, until nothing changes or ``maximumPasses`` are done
    /// ("&amp;rsquo;" → "&rsquo;" → "’").
    static func decode(_ text: String) -> String {
        var current = text
        for _ in 0..<maximumPasses {
            guard let decoded = decodeOnce(current) else { break }
            current = decoded
        }
        return current
    }

    /// One pass over the UTF-8 bytes; nil when the text holds no reference to decode.
    private static func decodeOnce(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard var ampersand = bytes.firstIndex(of: UInt8(ascii: "&")) else { return nil }
        var output: [UInt8] = []
        var copied = 0
        var changed = false
        while ampersand < bytes.count {
            if let (replacement, end) = reference(at: ampersand, in: bytes) {
                output.append(contentsOf: bytes[copied..<ampersand])
                output.append(contentsOf: replacement.utf8)
                copied = end
                changed = true
            }
            guard let next = bytes[(ampersand + 1)...].firstIndex(of: UInt8(ascii: "&")) else { break }
            ampersand = max(next, copied)
        }
        guard changed else { return nil }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// The character(s) a reference starting at `start` (an `&`) stands for, and the index past its `;`.
    private static func reference(at start: Int, in bytes: [UInt8]) -> (String, Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            var radix: UInt32 = 10
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
                radix = 16
                index += 1
            }
            var value: UInt32 = 0
            let digitsStart = index
            while index < bytes.count, index - digitsStart < 8, let digit = digitValue(bytes[index], radix: radix) {
                value = value * radix + digit
                index += 1
            }
            guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ";"),
                  let scalar = character(value) else { return nil }
            return (String(scalar), index + 1)
        }
        let nameStart = index
        while index < bytes.count, index - nameStart < longestName, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard let replacement = named[name] else { return nil }
        return (replacement, index + 1)
    }

    /// The scalar a numeric reference may stand for in a document, or nil to leave it as written.
    private static func character(_ value: UInt32) -> Unicode.Scalar? {
        if (0x80...0x9F).contains(value) {
            let decoded = Windows1252.decode([UInt8(value)])
            return decoded.unicodeScalars.first.flatMap { $0.value >= 0xA0 ? $0 : nil }
        }
        if value < 0x20 && value != 0x09 && value != 0x0A { return nil }
        if value == 0x7F { return nil }
        return Unicode.Scalar(value)
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
