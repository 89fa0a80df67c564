import NewsStore

extension EntitySummary: JSONWritable {
    // Keys in sorted order, as the API's JSONEncoder writes them.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("articleCount", articleCount)
            json.member("id", id)
            json.member("mentionCount", mentionCount)
            json.member("name", name)
            json.member("type", type)
        }
    }
}
