import Foundation

/// Reads the document text out of one batch item: a JSON object with a string member `text`.
enum BatchItemDecoder {
    private struct Item: Decodable {
        let text: String
    }

    /// The item's text, or why it has none.
    ///
    /// - Parameter noun: what the body calls an item in messages: "line" for NDJSON, "item" for an array.
    static func text(of json: [UInt8], noun: String) -> Result<String, BatchItemFailure> {
        do {
            return .success(try JSONDecoder().decode(Item.self, from: Data(json)).text)
        } catch DecodingError.keyNotFound {
            return .failure(BatchItemFailure(reason: "the \(noun) has no `text` member"))
        } catch DecodingError.typeMismatch {
            return .failure(BatchItemFailure(reason: "the \(noun) is not an object whose `text` is a string"))
        } catch {
            return .failure(BatchItemFailure(reason: "the \(noun) is not valid JSON"))
        }
    }
}
