import NewsIngest

/// Cuts a batch body into its items while the body arrives, holding only the item being read.
///
/// Feed it the body piece by piece (any split); it hands each complete item to `emit` as soon as
/// its last byte arrives.
protocol BatchItemSplitter {
    /// - Throws: ``BatchBodyError`` when the body breaks the format so that no later item can be
    ///   found; what `emit` throws.
    mutating func feed(_ bytes: [UInt8], _ emit: (RawBatchItem) throws -> Void) throws

    /// The body has ended: hands over the last item, if one is pending.
    mutating func finish(_ emit: (RawBatchItem) throws -> Void) throws
}

/// One item of a batch body, not yet decoded.
struct RawBatchItem {
    /// The longest item kept, in bytes: a document is at most ``NewsDocument/maximumByteCount`` bytes,
    /// and JSON escapes make its text longer. A longer item fails without being held.
    static let maximumLength = 2 * NewsDocument.maximumByteCount

    /// 1-based line of the body on which the item starts.
    let line: Int
    /// The item's JSON text, or why it was not kept (too long to hold).
    let json: Result<[UInt8], BatchItemFailure>
}

/// Why one batch item is not a document, phrased for a person.
struct BatchItemFailure: Error {
    let reason: String
}

/// The body as a whole is not in the batch format: a JSON array batch that is not an array, or that
/// breaks off; nothing after the break can be read as items.
struct BatchBodyError: Error {
    let reason: String
    /// 1-based line of the body where the break is.
    let line: Int
}
