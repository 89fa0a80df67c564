import NewsStore

extension ArticleSummary: JSONWritable {
    // Keys in sorted order, as the API's JSONEncoder writes them.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("captionCount", captionCount)
            json.member("dateline", dateline)
            json.member("headline", headline)
            json.member("id", id)
            json.member("publishedAt", publishedAt)
        }
    }
}
