/// A news document's text, decoded and normalised, ready to parse or to store.
///
/// Normalisation: a UTF-8 byte order mark is dropped, CRLF and CR line endings
/// become LF, and white space around the whole text is trimmed. Two uploads whose
/// `text` is equal are the same document.
public struct NewsDocument: Hashable, Sendable {
    /// Largest accepted document, in bytes (5 MiB).
    public static let maximumByteCount = 5 * 1024 * 1024

    /// The normalised text.
    public let text: String

    /// Decodes and normalises `bytes`.
    ///
    /// - Throws: ``IngestError/empty``, ``IngestError/tooLarge(byteCount:)``,
    ///   ``IngestError/binary``, ``IngestError/notUTF8``.
    public init(bytes: some Collection<UInt8>) throws(IngestError) {
        guard bytes.count <= Self.maximumByteCount else { throw .tooLarge(byteCount: bytes.count) }
        var body = Array(bytes)
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        if body.contains(0) { throw .binary }
        guard let decoded = String(validating: body, as: UTF8.self) else { throw .notUTF8 }
        try self.init(text: decoded)
    }

    /// Normalises already decoded text.
    ///
    /// - Throws: ``IngestError/empty`` when nothing but white space remains,
    ///   ``IngestError/binary`` when the text holds NUL or is mostly control characters.
    public init(text: String) throws(IngestError) {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        var controls = 0
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            if scalar.value == 0 { throw .binary }
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { controls += 1 }
            scalars.append(scalar)
        }
        let normalised = String(scalars).trimmingWhitespace()
        guard !normalised.isEmpty else { throw .empty }
        // Text with this many control characters is a binary file that happens to be valid UTF-8.
        if controls * 20 > normalised.unicodeScalars.count { throw .binary }
        self.text = normalised
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[first...last])
        return String(trimmed)
    }
}
