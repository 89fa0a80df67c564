import Testing
@testable import HTTPServer

@Suite("EntityTag and If-None-Match")
struct EntityTagTests {
    @Test func hashedTagsAreStrongAndFollowTheBytes() {
        let tag = EntityTag(hashing: Array("hello".utf8))
        #expect(!tag.isWeak)
        #expect(tag.opaque.count == 32)
        #expect(tag.opaque == "2cf24dba5fb0a30e26e83b2ac5b9e29e", "the first half of SHA-256(hello)")
        #expect(tag == EntityTag(hashing: Array("hello".utf8)))
        #expect(tag != EntityTag(hashing: Array("hello!".utf8)))
        #expect(tag.appending("-gzip").description == "\"2cf24dba5fb0a30e26e83b2ac5b9e29e-gzip\"")
    }

    @Test func parsesOneTag() {
        #expect(EntityTag(parsing: #""abc""#) == EntityTag("abc"))
        #expect(EntityTag(parsing: #" W/"abc" "#) == EntityTag("abc", weak: true))
        #expect(EntityTag(parsing: #""""#) == EntityTag(""))
        #expect(EntityTag(parsing: "abc") == nil)
        #expect(EntityTag(parsing: #""a b""#) == nil)
        #expect(EntityTag(parsing: #""abc" x"#) == nil)
        #expect(EntityTag(parsing: #"w/"abc""#) == nil, "W/ is case-sensitive")
    }

    @Test func comparisons() {
        let strong = EntityTag("x"), weak = EntityTag("x", weak: true)
        #expect(strong.weaklyMatches(weak) && weak.weaklyMatches(weak))
        #expect(!strong.stronglyMatches(weak) && strong.stronglyMatches(strong))
        #expect(!strong.weaklyMatches(EntityTag("y")))
    }

    @Test func readsIfNoneMatchLists() {
        #expect(IfNoneMatch(HTTPFields()) == nil)
        #expect(IfNoneMatch(["If-None-Match": "*"]) == .any)
        #expect(IfNoneMatch(["If-None-Match": #""a", W/"b,c" ,"d""#]) == .tags([EntityTag("a"), EntityTag("b,c", weak: true), EntityTag("d")]))
        #expect(IfNoneMatch(["If-None-Match": #""a" "b""#]) == .tags([EntityTag("a"), EntityTag("b")]), "lenient about the missing comma")
        #expect(IfNoneMatch(["If-None-Match": #""a", b"#]) == nil, "an unreadable list is ignored whole")
        #expect(IfNoneMatch(["If-None-Match": ""]) == nil)
        let condition = IfNoneMatch(["If-None-Match": #"W/"a""#])
        #expect(condition?.matches(EntityTag("a")) == true)
        #expect(condition?.matches(EntityTag("b")) == false)
    }

    @Test func ifMatchComparesStronglyAndFailsWhatItCannotRead() {
        let current = [EntityTag("a"), EntityTag("a-gzip")]
        #expect(IfMatch(HTTPFields()) == nil)
        #expect(IfMatch(["If-Match": #""b", "a""#])?.passes(current) == true)
        #expect(IfMatch(["If-Match": #""a-gzip""#])?.passes(current) == true)
        #expect(IfMatch(["If-Match": #"W/"a""#])?.passes(current) == false)
        #expect(IfMatch(["If-Match": "a"]) == .unreadable)
        #expect(IfMatch(["If-Match": ""])?.passes(current) == false)
        #expect(IfMatch(["If-Match": "*"])?.passes(current) == true)
        #expect(IfMatch(["If-Match": "*"])?.passes([]) == false)
        var twoLines = HTTPFields()
        twoLines.append("If-Match", #""x""#)
        twoLines.append("If-Match", #""a""#)
        #expect(IfMatch(twoLines)?.passes(current) == true)
        // Two tags need a comma between them; `*` stands alone, also across lines.
        #expect(IfMatch(["If-Match": #""a" "b""#]) == .unreadable)
        #expect(IfMatch(["If-Match": #""a""b""#]) == .unreadable)
        #expect(IfMatch(["If-Match": #""b",, "a" ,"#])?.passes(current) == true)
        var starAndTag = HTTPFields()
        starAndTag.append("If-Match", #""stale""#)
        starAndTag.append("If-Match", "*")
        #expect(IfMatch(starAndTag) == .unreadable)
        #expect(IfNoneMatch(starAndTag) == nil)
    }

    @Test func readsAcceptEncodingWeights() throws {
        let accept = try #require(AcceptEncoding(["Accept-Encoding": "gzip;q=0.8, br, identity;q=0.5, *;q=0.1"]))
        #expect(accept.weight(of: "gzip") == 800)
        #expect(accept.weight(of: "br") == 1000)
        #expect(accept.weight(of: "identity") == 500)
        #expect(accept.weight(of: "zstd") == 100)
        #expect(AcceptEncoding(HTTPFields()) == nil)
        // Codings compare in lower case; x-gzip is gzip; the last listing of a coding counts.
        #expect(AcceptEncoding(["Accept-Encoding": "GZip;Q=0.3"])?.weight(of: "gzip") == 300)
        #expect(AcceptEncoding(["Accept-Encoding": "x-gzip"])?.weight(of: "gzip") == 1000)
        #expect(AcceptEncoding(["Accept-Encoding": "gzip;q=0.2, gzip;q=0.7"])?.weight(of: "gzip") == 700)
        #expect(AcceptEncoding(["Accept-Encoding": ";q=0.5, gzip"])?.weight(of: "gzip") == 1000)
        #expect(AcceptEncoding(["Accept-Encoding": "gzip;q=, br"])?.accepts("gzip") == false)
        #expect(AcceptEncoding(["Accept-Encoding": "gzip, br;q=0.5"]) == AcceptEncoding(["Accept-Encoding": "br;q=0.5, gzip"]))
        #expect(AcceptEncoding(["Accept-Encoding": "gzip"]) != AcceptEncoding(["Accept-Encoding": "gzip, br"]))
        #expect(AcceptEncoding(["Accept-Encoding": ""])?.weight(of: "identity") == 1000)
        #expect(AcceptEncoding(["Accept-Encoding": ""])?.accepts("gzip") == false)
        #expect(AcceptEncoding(["Accept-Encoding": "*;q=0"])?.accepts("identity") == false)
        #expect(AcceptEncoding(["Accept-Encoding": "*;q=0, identity"])?.accepts("identity") == true)
        for (text, value) in [("0", 0), ("1", 1000), ("0.5", 500), ("0.125", 125), ("1.000", 1000), ("0.", 0)] {
            #expect(AcceptEncoding.qvalue(Substring(text)) == value, "\(text)")
        }
        for text in ["", "2", "1.5", "0.1234", "-1", ".5", "1.001", "0,5"] {
            #expect(AcceptEncoding.qvalue(Substring(text)) == nil, "\(text)")
        }
    }
}
