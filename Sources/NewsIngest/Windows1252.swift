/// Decodes Windows-1252, the encoding of most text that is not UTF-8 (and what browsers use for
/// ISO-8859-1). Every byte maps to a Unicode scalar, so decoding never fails and never yields U+FFFD.
enum Windows1252 {
    /// Scalars for bytes 0x80–0x9F. The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
    /// 0x90, 0x9D) map to the C1 control with the same value, as browsers do; ``NewsDocument`` counts
    /// those as control characters, so a binary file does not pass as text.
    private static let highControls: [Unicode.Scalar] = [
        "\u{20AC}", "\u{81}", "\u{201A}", "\u{192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{2C6}", "\u{2030}", "\u{160}", "\u{2039}", "\u{152}", "\u{8D}", "\u{17D}", "\u{8F}",
        "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{2DC}", "\u{2122}", "\u{161}", "\u{203A}", "\u{153}", "\u{9D}", "\u{17E}", "\u{178}",
    ]

    /// The text `bytes` encode.
    static func decode(_ bytes: some Collection<UInt8>) -> String {
        // Writing UTF-8 directly: appending scalar by scalar to a String is several times slower on a 5 MiB upload.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                let scalar = (0x80...0x9F).contains(byte) ? highControls[Int(byte) - 0x80] : Unicode.Scalar(byte)
                utf8.append(contentsOf: scalar.utf8)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
