/// Splits a JSON array (`application/json`: `[{"text": "..."}, ...]`) into its elements while it
/// arrives, without parsing the elements: it follows strings, escapes and nesting only far enough to
/// see where each top-level element ends. Each element is then decoded on its own, so one bad
/// element is one bad item; a body that is not an array, or breaks off, is a ``BatchBodyError``.
///
/// An element over `maximumLength` bytes fails as an item, its bytes dropped as they arrive.
struct JSONArraySplitter: BatchItemSplitter {
    private enum Stage {
        /// Before the opening `[`.
        case start
        /// After `[`: an element or `]`.
        case firstElement
        /// After a comma: an element.
        case nextElement
        case inElement
        /// After an element: a comma or `]`.
        case afterElement
        /// After the closing `]`: only white space.
        case done
    }

    let maximumLength: Int
    private var stage = Stage.start
    private var element: [UInt8] = []
    private var elementLine = 1
    private var overLong = false
    /// Open `[` and `{` inside the element.
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var line = 1

    init(maximumLength: Int = RawBatchItem.maximumLength) {
        self.maximumLength = maximumLength
    }

    mutating func feed(_ bytes: [UInt8], _ emit: (RawBatchItem) throws -> Void) throws {
        for byte in bytes {
            try step(byte, emit)
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
    }

    mutating func finish(_ emit: (RawBatchItem) throws -> Void) throws {
        switch stage {
        case .done:
            return
        case .start:
            throw BatchBodyError(reason: "the body is empty, not a JSON array", line: line)
        case .inElement where depth == 0 && !inString:
            // A number or literal at the very end: complete, but the array is still open.
            try endElement(emit)
            throw BatchBodyError(reason: "the body ends before the array is closed with ]", line: line)
        default:
            throw BatchBodyError(reason: "the body ends before the array is closed with ]", line: line)
        }
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private mutating func step(_ byte: UInt8, _ emit: (RawBatchItem) throws -> Void) throws {
        switch stage {
        case .start:
            if Self.isWhiteSpace(byte) { return }
            guard byte == UInt8(ascii: "[") else {
                throw BatchBodyError(reason: "the body is not a JSON array: send [{\"text\": \"...\"}, ...]", line: line)
            }
            stage = .firstElement
        case .firstElement, .nextElement:
            if Self.isWhiteSpace(byte) { return }
            if byte == UInt8(ascii: "]") {
                guard case .firstElement = stage else {
                    throw BatchBodyError(reason: "a comma is followed by ], not by an item", line: line)
                }
                stage = .done
                return
            }
            guard byte != UInt8(ascii: ",") else { throw BatchBodyError(reason: "two commas with no item between them", line: line) }
            stage = .inElement
            element.removeAll(keepingCapacity: element.capacity <= 64 * 1024)
            elementLine = line
            overLong = false
            depth = 0
            inString = false
            escaped = false
            try inElement(byte, emit)
        case .inElement:
            try inElement(byte, emit)
        case .afterElement:
            if Self.isWhiteSpace(byte) { return }
            if byte == UInt8(ascii: ",") {
                stage = .nextElement
            } else if byte == UInt8(ascii: "]") {
                stage = .done
            } else {
                throw BatchBodyError(reason: "an item is followed by something other than a comma or ]", line: line)
            }
        case .done:
            guard Self.isWhiteSpace(byte) else { throw BatchBodyError(reason: "something follows the array's closing ]", line: line) }
        }
    }

    private mutating func inElement(_ byte: UInt8, _ emit: (RawBatchItem) throws -> Void) throws {
        if inString {
            keep(byte)
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                if depth == 0 { try endElement(emit) }
            }
            return
        }
        switch byte {
        case UInt8(ascii: "\""):
            keep(byte)
            inString = true
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            keep(byte)
            depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            if depth == 0 {
                // A number or literal ended by the array's `]`.
                try endElement(emit)
                try step(byte, emit)
                return
            }
            keep(byte)
            depth -= 1
            if depth == 0 { try endElement(emit) }
        case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
            if depth == 0 {
                // A number or literal ended.
                try endElement(emit)
                try step(byte, emit)
                return
            }
            keep(byte)
        default:
            keep(byte)
        }
    }

    private mutating func keep(_ byte: UInt8) {
        guard !overLong else { return }
        if element.count >= maximumLength {
            overLong = true
            element = []
        } else {
            element.append(byte)
        }
    }

    private mutating func endElement(_ emit: (RawBatchItem) throws -> Void) throws {
        stage = .afterElement
        if overLong {
            try emit(RawBatchItem(line: elementLine, json: .failure(BatchItemFailure(
                reason: "the item is over \(maximumLength) bytes, too long for a document"))))
        } else {
            try emit(RawBatchItem(line: elementLine, json: .success(element)))
        }
    }
}
