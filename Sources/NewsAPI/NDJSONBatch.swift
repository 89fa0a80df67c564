import Foundation

/// Splits a newline-delimited JSON batch body into the documents it carries.
///
/// Each non-blank line must be a JSON object with a string member `text`
/// (`{"text": "..."}`); blank lines are skipped and do not count as items.
enum NDJSONBatch {
    enum Item {
        case success(String)
        case failure(String)
    }

    private struct Line: Decodable {
        let text: String
    }

    static func items(in body: [UInt8]) -> [Item] {
        let decoder = JSONDecoder()
        return body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap { line in
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            let content = trimmed.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard !content.isEmpty else { return nil }
            do {
                return .success(try decoder.decode(Line.self, from: Data(trimmed)).text)
            } catch DecodingError.keyNotFound {
                return .failure("the line has no `text` member")
            } catch DecodingError.typeMismatch {
                return .failure("the line is not an object whose `text` is a string")
            } catch {
                return .failure("the line is not valid JSON")
            }
        }
    }
}
