import HTTPTestSupport
import Testing
@testable import HTTPServer

@Suite("GzipEncoder")
struct GzipEncoderTests {
    @Test func wholeBodiesRoundTrip() throws {
        let text = Array(String(repeating: "Libya rivals meet in Palermo. ", count: 500).utf8)
        let coded = try #require(GzipEncoder.compress(text))
        #expect(coded.starts(with: [0x1f, 0x8b]), "the gzip magic number, not a zlib header")
        #expect(coded.count < text.count / 10)
        #expect(gunzip(coded) == text)
        #expect(gunzip(try #require(GzipEncoder.compress([]))) == [])
        // Incompressible input grows a little and still fits deflateBound's single call.
        var random = SystemRandomNumberGenerator()
        let noise = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        #expect(gunzip(try #require(GzipEncoder.compress(noise))) == noise)
    }

    @Test func eachStreamedPieceIsDecodableAtOnce() throws {
        let encoder = try #require(GzipEncoder())
        var sent: [UInt8] = []
        var plain: [UInt8] = []
        for index in 0..<20 {
            let line = Array(#"{"line":\#(index),"text":"\#(String(repeating: "abc", count: index * 50))"}"#.utf8) + [10]
            plain += line
            sent += try #require(encoder.encode(line))
            // Flushed: everything written so far decodes before the member ends.
            #expect(gunzip(sent, complete: false) == plain)
        }
        sent += try #require(encoder.finish())
        #expect(gunzip(sent) == plain)
    }
}
