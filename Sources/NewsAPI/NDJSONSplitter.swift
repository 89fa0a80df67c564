#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsIngest

/// Splits newline-delimited JSON (`application/x-ndjson`) into one item per line.
///
/// Lines end at LF (a CR before it is white space to JSON). Blank lines are skipped and are not
/// items, but count as lines. A line over `maximumLength` is an item that fails, and its bytes are
/// dropped as they arrive rather than held.
struct NDJSONSplitter: BatchItemSplitter {
    let maximumLength: Int
    private var current: [UInt8] = []
    private var lineNumber = 1
    private var overLong = false

    init(maximumLength: Int = RawBatchItem.maximumLength) {
        self.maximumLength = maximumLength
    }

    mutating func feed(_ bytes: [UInt8], _ emit: (RawBatchItem) throws -> Void) throws {
        var start = 0
        while start < bytes.count {
            let newline: Int? = bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start)
                else { return nil }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            guard let newline else {
                keep(bytes[start...])
                return
            }
            keep(bytes[start..<newline])
            try endLine(emit)
            start = newline + 1
        }
    }

    mutating func finish(_ emit: (RawBatchItem) throws -> Void) throws {
        if !current.isEmpty || overLong { try endLine(emit) }
    }

    private mutating func keep(_ bytes: ArraySlice<UInt8>) {
        guard !overLong else { return }
        if current.count + bytes.count > maximumLength {
            overLong = true
            current = []
        } else {
            current.append(contentsOf: bytes)
        }
    }

    private mutating func endLine(_ emit: (RawBatchItem) throws -> Void) throws {
        defer {
            lineNumber += 1
            overLong = false
            current.removeAll(keepingCapacity: current.capacity <= 64 * 1024)
        }
        if overLong {
            try emit(RawBatchItem(line: lineNumber, json: .failure(BatchItemFailure(
                reason: "the line is over \(maximumLength) bytes, too long for a document of at most \(NewsDocument.maximumByteCount)"))))
        } else if current.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            try emit(RawBatchItem(line: lineNumber, json: .success(current)))
        }
    }
}
