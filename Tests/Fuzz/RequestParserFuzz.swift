// libFuzzer entry point for RequestParser, compiled together with the parser's sources
// by run.sh (not part of the SwiftPM build).
//
// The first input byte picks a split point, so each input is also fed in two pieces; both
// feedings must agree. Small limits make the limit paths reachable by short inputs.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let split = input.isEmpty ? 0 : Int(data[0]) % (input.count + 1)
    let whole = summarize([input[...]])
    let pieces = summarize([input[..<split], input[split...]])
    precondition(whole == pieces, "split at \(split) changed the result: \(whole) vs \(pieces)")
    return 0
}

private func summarize(_ chunks: [ArraySlice<UInt8>]) -> [String] {
    let limits = RequestParser.Limits(
        maxRequestLineLength: 256, maxHeaderSectionSize: 512, maxFieldLines: 8, maxBodySize: 1024, maxChunkLineLength: 64)
    var parser = RequestParser(limits: limits)
    var events: [String] = []
    var bodyBytes = 0
    for chunk in chunks {
        parser.append(chunk)
        do {
            while let event = try parser.next() {
                switch event {
                case .head(let head):
                    let target = RequestTarget(head.target)
                    events.append("head \(head.method) \(target.path) \(target.query.count) \(head.framing) \(head.keepAlive)")
                case .body(let bytes):
                    precondition(!bytes.isEmpty, "empty body event")
                    bodyBytes += bytes.count
                    precondition(bodyBytes <= limits.maxBodySize, "body over the limit")
                case .end:
                    events.append("end \(bodyBytes)")
                    bodyBytes = 0
                }
                precondition(parser.bufferedByteCount <= 4096, "buffer grew past the input")
            }
        } catch {
            events.append("error \(error.status.code)")
            return events
        }
    }
    return events
}
