@testable import NewsAPI
import Testing

/// The batch splitters are state machines over bytes: whatever the split of the body into pieces,
/// they must find the same items on the same lines, and the same break.
@Suite struct BatchSplitterTests {
    /// What a splitter made of a body: each item's line and text (or failure), then the break if any.
    struct Outcome: Equatable {
        var items: [String] = []
        var error: String?
    }

    static func run(_ makeSplitter: () -> any BatchItemSplitter, _ pieces: [ArraySlice<UInt8>]) -> Outcome {
        var splitter = makeSplitter()
        var outcome = Outcome()
        func emit(_ item: RawBatchItem) {
            switch item.json {
            case .success(let bytes): outcome.items.append("\(item.line): \(String(decoding: bytes, as: UTF8.self))")
            case .failure(let failure): outcome.items.append("\(item.line): ! \(failure.reason)")
            }
        }
        do {
            for piece in pieces { try splitter.feed(Array(piece), emit) }
            try splitter.finish(emit)
        } catch let error as BatchBodyError {
            outcome.error = "\(error.line): \(error.reason)"
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }

    /// The outcome for the whole body at once, after checking that every split in two, and byte by byte, agrees.
    static func splitEverywhere(_ text: String, _ makeSplitter: () -> any BatchItemSplitter) -> Outcome {
        let bytes = Array(text.utf8)
        let whole = run(makeSplitter, [bytes[...]])
        for cut in 0...bytes.count {
            #expect(run(makeSplitter, [bytes[..<cut], bytes[cut...]]) == whole, "split at \(cut)")
        }
        #expect(run(makeSplitter, bytes.indices.map { bytes[$0...$0] }) == whole, "byte by byte")
        return whole
    }

    @Test func ndjsonLinesWithBlankLinesCRLFAndNoFinalNewline() {
        let outcome = Self.splitEverywhere("{\"text\": \"a\"}\r\n\n  \r\n[1]\n{\"text\": \"é\"}", { NDJSONSplitter() })
        #expect(outcome == Outcome(items: ["1: {\"text\": \"a\"}\r", "4: [1]", "5: {\"text\": \"é\"}"]))
    }

    @Test func ndjsonLinesOverTheLimitFailWithoutStoppingTheOthers() {
        let outcome = Self.splitEverywhere("short\n0123456789abc\nok\n", { NDJSONSplitter(maximumLength: 8) })
        #expect(outcome.items == ["1: short", "2: ! the line is over 8 bytes, too long for a document of at most 5242880", "3: ok"])
        #expect(outcome.error == nil)
    }

    @Test func jsonArrayElementsWithStringsThatLookLikeStructure() {
        let body = """
            [ {"text": "a \\"]\\" b, {c}"},
              42 , "x,]" ,
            {"nested": [1, {"k": "]"}]}, true,null]\n
            """
        let outcome = Self.splitEverywhere(body, { JSONArraySplitter() })
        #expect(outcome == Outcome(items: [
            #"1: {"text": "a \"]\" b, {c}"}"#, "2: 42", #"2: "x,]""#, #"3: {"nested": [1, {"k": "]"}]}"#, "3: true", "3: null",
        ]))
    }

    @Test(arguments: [
        ("", "1: the body is empty, not a JSON array"),
        ("{\"text\": \"a\"}", "1: the body is not a JSON array: send [{\"text\": \"...\"}, ...]"),
        ("[{\"text\": \"a\"}", "1: the body ends before the array is closed with ]"),
        ("[{\"text\": \"a\"},\n]", "2: a comma is followed by ], not by an item"),
        ("[1,,2]", "1: two commas with no item between them"),
        ("[1 2]", "1: an item is followed by something other than a comma or ]"),
        ("[1]\n x", "2: something follows the array's closing ]"),
        ("[\"open", "1: the body ends before the array is closed with ]"),
    ])
    func brokenJSONArraysStopWhereTheyBreak(body: String, error: String) {
        #expect(Self.splitEverywhere(body, { JSONArraySplitter() }).error == error)
    }

    @Test func jsonArrayElementsOverTheLimitFailAsItems() {
        let outcome = Self.splitEverywhere(#"["0123456789", "ok"]"#, { JSONArraySplitter(maximumLength: 8) })
        #expect(outcome == Outcome(items: ["1: ! the item is over 8 bytes, too long for a document", #"1: "ok""#]))
    }
}
