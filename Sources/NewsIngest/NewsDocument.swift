import Foundation

/// A news document's text, decoded and normalised, ready to parse or to store.
///
/// Normalisation: a UTF-8 byte order mark is dropped, CRLF and CR line endings
/// become LF, HTML character references are decoded (``HTMLCharacterReferences``),
/// the text is put in Unicode Normalization Form C, and white space around the whole
/// text is trimmed. Curly quotes and dashes stay as written. Two uploads whose
/// `text` is equal are the same document, whatever the ``warnings``.
public struct NewsDocument: Hashable, Sendable {
    /// Largest accepted document, in bytes (5 MiB).
    public static let maximumByteCount = 5 * 1024 * 1024
    /// The warning recorded when bytes that are not UTF-8 were decoded as Windows-1252.
    static let windows1252FallbackWarning = "the text is not valid UTF-8; decoded as Windows-1252"

    /// The normalised text.
    public let text: String
    /// What decoding had to guess, for the uploader to check (for example a Windows-1252 fallback). Empty when nothing was guessed.
    public let warnings: [String]

    /// Decodes and normalises `bytes` as UTF-8, falling back to Windows-1252 (with a warning) when
    /// they are not valid UTF-8.
    ///
    /// - Throws: ``IngestError/empty``, ``IngestError/tooLarge(byteCount:)``, ``IngestError/binary``.
    public init(bytes: some Collection<UInt8>) throws(IngestError) {
        try self.init(bytes: bytes, declaredEncoding: .utf8)
    }

    /// Decodes and normalises `bytes` in the encoding the sender declared.
    ///
    /// A UTF-8 byte order mark overrides the declaration, as it does in browsers. `.utf8` falls back to
    /// Windows-1252 with a warning for bytes that are not valid UTF-8; `.windows1252` always decodes
    /// as Windows-1252. No byte is ever replaced with U+FFFD.
    ///
    /// - Throws: ``IngestError/empty``, ``IngestError/tooLarge(byteCount:)``, ``IngestError/binary``.
    public init(bytes: some Collection<UInt8>, declaredEncoding: DeclaredEncoding) throws(IngestError) {
        guard bytes.count <= Self.maximumByteCount else { throw .tooLarge(byteCount: bytes.count) }
        var body = Array(bytes)
        var encoding = declaredEncoding
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body.removeFirst(3)
            encoding = .utf8
        }
        if body.contains(0) { throw .binary }
        var warnings: [String] = []
        let decoded: String
        switch encoding {
        case .utf8:
            if let text = String(validating: body, as: UTF8.self) {
                decoded = text
            } else {
                // Older sites and word processors still emit Windows-1252; rejecting their text helps nobody.
                decoded = Windows1252.decode(body)
                warnings.append(Self.windows1252FallbackWarning)
            }
        case .windows1252:
            decoded = Windows1252.decode(body)
        }
        try self.init(normalising: decoded, warnings: warnings)
    }

    /// Normalises already decoded text.
    ///
    /// - Throws: ``IngestError/empty`` when nothing but white space remains,
    ///   ``IngestError/binary`` when the text holds NUL or is mostly control characters.
    public init(text: String) throws(IngestError) {
        try self.init(normalising: text, warnings: [])
    }

    private init(normalising text: String, warnings: [String]) throws(IngestError) {
        // Works on UTF-8 code units: every byte changed or inspected is ASCII (or the lead byte of a
        // C1 control), so the result stays valid UTF-8, and a 5 MiB text takes milliseconds.
        var input = text
        let (output, controls, sawNUL) = input.withUTF8 { source in
            var controls = 0
            var sawNUL = false
            let output = [UInt8](unsafeUninitializedCapacity: source.count) { buffer, initialized in
                var count = 0
                var previous: UInt8 = 0
                for byte in source {
                    defer { previous = byte }
                    switch byte {
                    case 0x0D:
                        buffer[count] = 0x0A
                        count += 1
                        continue
                    case 0x0A where previous == 0x0D:
                        continue
                    case 0:
                        sawNUL = true
                    case 0x01..<0x20 where byte != 0x0A && byte != 0x09:
                        controls += 1
                    case 0x80...0x9F where previous == 0xC2:
                        // U+0080–U+009F: C1 controls, which is what undefined Windows-1252 bytes decode to.
                        controls += 1
                    default:
                        break
                    }
                    buffer[count] = byte
                    count += 1
                }
                initialized = count
            }
            return (output, controls, sawNUL)
        }
        if sawNUL { throw .binary }
        var normalised = HTMLCharacterReferences.decode(String(decoding: output, as: UTF8.self))
        if !Self.isPlainlyNFC(normalised) {
            normalised = normalised.precomposedStringWithCanonicalMapping
        }
        normalised = normalised.trimmingWhitespace()
        guard !normalised.isEmpty else { throw .empty }
        // Text with this many control characters is a binary file that happens to decode. (Without
        // control characters there is nothing to count.)
        if controls > 0, controls * 20 > normalised.unicodeScalars.count { throw .binary }
        self.text = normalised
        self.warnings = warnings
    }

    /// True when every scalar is one that Unicode marks NFC_Quick_Check=Yes and that never combines with
    /// its neighbour: below U+0300 (where combining marks begin), general punctuation from U+2002 (U+2000
    /// and U+2001 decompose) and currency signs. Nearly all news text passes, and Foundation's normaliser,
    /// a sixth of a parse otherwise, then has nothing to do.
    static func isPlainlyNFC(_ text: String) -> Bool {
        var text = text
        // On the UTF-8 bytes: one- and two-byte sequences up to CB BF are the scalars below U+0300, and
        // only the three-byte sequences that start with E2 can be in the two ranges.
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                } else if lead < 0xCC {
                    index += 2
                } else if lead == 0xE2 {
                    let value = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                    guard (0x2002...0x206F).contains(value) || (0x20A0...0x20C0).contains(value) else { return false }
                    index += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Equal texts are the same document: warnings describe an upload, not the document.
    public static func == (lhs: NewsDocument, rhs: NewsDocument) -> Bool {
        lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        // Slicing keeps the UTF-8 storage; rebuilding the string scalar by scalar was the slowest step of a parse.
        return String(decoding: self[first..<scalars.index(after: last)].utf8, as: UTF8.self)
    }
}
