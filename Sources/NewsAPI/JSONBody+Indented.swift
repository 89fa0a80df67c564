extension JSONBody {
    /// Compact JSON re-laid out for a terminal: one member or element per line, two spaces per
    /// level, `"name": value`, empty objects and arrays kept as `{}` and `[]`, and a final newline.
    ///
    /// Works on the bytes, not on decoded values, so every string, number and member order comes
    /// out exactly as the encoder wrote it (sorted keys stay sorted, `1.0` stays `1.0`); only white
    /// space outside strings changes. Structural characters are ASCII, which never occurs inside a
    /// multi-byte UTF-8 sequence, so the scan needs no decoding.
    static func indented(_ json: [UInt8]) -> [UInt8] {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var output: [UInt8] = []
        output.reserveCapacity(json.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        func newline() {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * max(depth, 0)))
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d }
        var index = 0
        while index < json.count {
            let byte = json[index]
            index += 1
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == backslash {
                    escaped = true
                } else if byte == quote {
                    inString = false
                }
                continue
            }
            switch byte {
            case quote:
                inString = true
                output.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                output.append(byte)
                var next = index
                while next < json.count && isSpace(json[next]) { next += 1 }
                if next < json.count && json[next] == byte + 2 {
                    // `{` + 2 is `}` and `[` + 2 is `]`: an empty container stays on its line.
                    output.append(json[next])
                    index = next + 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newline()
            case UInt8(ascii: ":"):
                output.append(byte)
                output.append(UInt8(ascii: " "))
            default:
                if !isSpace(byte) { output.append(byte) }
            }
        }
        output.append(UInt8(ascii: "\n"))
        return output
    }
}
