import Foundation

/// Everything that bounds or tunes an ``HTTPServer``. Sizes are in bytes.
public struct ServerConfiguration: Sendable {
    /// Address to listen on, IPv4 or IPv6 literal or a host name (`127.0.0.1`, `::1`, `0.0.0.0`, `localhost`).
    public var host: String = "127.0.0.1"
    /// TCP port; 0 picks a free ephemeral port (read it back from ``HTTPServer/port``).
    public var port: Int = 8080
    /// Longest request line; longer gets 414 (RFC 9112 §3).
    public var maxRequestLineLength: Int = 8 * 1024
    /// Largest header section, field lines and their CRLFs; larger gets 431 (RFC 6585 §5).
    public var maxHeaderSectionSize: Int = 32 * 1024
    /// Most field lines in one header section; more gets 431.
    public var maxFieldLines: Int = 100
    /// Largest message body; larger gets 413 as soon as the declared length is known.
    public var maxBodySize: Int = 64 * 1024 * 1024
    /// Longest chunk-size line including extensions (RFC 9112 §7.1.1).
    public var maxChunkLineLength: Int = 4 * 1024
    /// Largest body of a refused request still read and discarded to keep the connection usable.
    public var maxDiscardedBodySize: Int = 64 * 1024
    /// Most open connections; at the cap the server stops accepting until one closes.
    public var maxConnections: Int = 10_000
    /// Most handlers running at once; further requests wait their turn.
    public var maxConcurrentHandlers: Int = 32
    /// Threads that wait for socket events and do a request's work themselves: reading, parsing,
    /// the handler when there is room, writing. One per processor by default, as more only take
    /// turns on the same processors. When every one of them has been held by a handler for 50 ms
    /// with none finishing, the server adds one, up to this number plus ``maxConcurrentHandlers``,
    /// so that slow handlers never leave the sockets unwatched; an added thread leaves after 10 s
    /// without an event.
    public var pollerThreads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Buffered response bytes above which a connection stops reading requests.
    public var writeBufferHighWaterMark: Int = 1024 * 1024
    /// Unread bytes of a streamed request body (``HTTPRequest/bodyStream``) above which the connection
    /// stops reading the socket until the handler has read them down to half.
    public var requestBodyBufferSize: Int = 1024 * 1024
    /// Streamed request bodies being received at once (at most half of ``maxConcurrentHandlers``); one
    /// more gets 503 with `Retry-After`. Each holds a handler while its client sends, so the cap keeps
    /// slow uploads from taking every handler.
    public var maxConcurrentStreamedBodies: Int = 8
    /// Streamed response bodies (``ResponseStream``) being produced at once; more wait their turn,
    /// their heads already sent. Apart from ``maxConcurrentHandlers``: a producer waits as long as
    /// its client is slow to read, and clients that stop reading must not leave no handler for others.
    public var maxConcurrentResponseStreams: Int = 64
    /// Listen backlog passed to `listen(2)`.
    public var backlog: Int32 = 1024
    /// Time from a request's first byte to the end of its header section; then 408 and close.
    public var headerTimeout: Duration = .seconds(10)
    /// Time an idle keep-alive connection stays open waiting for its next request.
    public var keepAliveTimeout: Duration = .seconds(15)
    /// Longest pause between two reads of a request body; then 408 and close.
    public var bodyReadTimeout: Duration = .seconds(30)
    /// Longest time a response write makes no progress; then the connection is closed.
    public var writeTimeout: Duration = .seconds(30)
    /// How often connections are checked against their deadlines.
    public var timeoutCheckInterval: Duration = .milliseconds(500)
    /// The time source for the timeouts above.
    public var clock: any ServerClock = SystemServerClock()

    public init() {}

    var parserLimits: RequestParser.Limits {
        RequestParser.Limits(
            maxRequestLineLength: maxRequestLineLength, maxHeaderSectionSize: maxHeaderSectionSize,
            maxFieldLines: maxFieldLines, maxBodySize: maxBodySize, maxChunkLineLength: maxChunkLineLength)
    }
}

extension Duration {
    /// Whole nanoseconds, saturating at `UInt64.max`.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole + UInt64(attoseconds / 1_000_000_000)
    }
}
