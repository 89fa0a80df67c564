import Foundation

/// Splits a newline-delimited JSON batch body into the documents it carries.
///
/// Each non-blank line must be a JSON object with a string member `text`
/// (`{"text": "..."}`); blank lines are skipped and are not items.
enum NDJSONBatch {
    /// One item: its 1-based line number in the body, and its text or why it has none.
    struct Item {
        let line: Int
        let content: Result<String, Failure>
    }

    struct Failure: Error {
        let reason: String
    }

    private struct Line: Decodable {
        let text: String
    }

    static func items(in body: [UInt8]) -> [Item] {
        let decoder = JSONDecoder()
        let whiteSpace: Set<UInt8> = [0x20, 0x09, 0x0D]
        return body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard line.contains(where: { !whiteSpace.contains($0) }) else { return nil }
            let content: Result<String, Failure>
            do {
                content = .success(try decoder.decode(Line.self, from: Data(line)).text)
            } catch DecodingError.keyNotFound {
                content = .failure(Failure(reason: "the line has no `text` member"))
            } catch DecodingError.typeMismatch {
                content = .failure(Failure(reason: "the line is not an object whose `text` is a string"))
            } catch {
                content = .failure(Failure(reason: "the line is not valid JSON"))
            }
            return Item(line: index + 1, content: content)
        }
    }
}
