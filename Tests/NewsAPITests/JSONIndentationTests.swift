import Testing
@testable import NewsAPI

@Suite("JSON indentation for ?pretty")
struct JSONIndentationTests {
    private func indent(_ json: String) -> String {
        String(decoding: JSONBody.indented(Array(json.utf8)), as: UTF8.self)
    }

    @Test func laysOutNestedValues() {
        #expect(indent(#"{"a":[1,{"b":null}],"c":"x"}"#) == """
        {
          "a": [
            1,
            {
              "b": null
            }
          ],
          "c": "x"
        }

        """)
    }

    @Test func keepsStringsAndEmptyContainersExactly() {
        #expect(indent(#"{"s":"a,b:{c}[\"d\\","e":{},"f":[],"g":"é—”"}"#) == """
        {
          "s": "a,b:{c}[\\"d\\\\",
          "e": {},
          "f": [],
          "g": "é—”"
        }

        """)
        #expect(indent("[]") == "[]\n")
        #expect(indent(#""text""#) == "\"text\"\n")
        #expect(indent("{ \"a\" : [ ] }") == "{\n  \"a\": []\n}\n")
    }
}
