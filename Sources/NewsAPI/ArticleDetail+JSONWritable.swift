import NewsIngest
import NewsStore

// Keys in sorted order, as the API's JSONEncoder writes them.

extension ArticleDetail: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("byline", byline)
            json.member("captions", captions)
            json.member("createdAt", createdAt)
            json.member("dateline", dateline)
            json.member("entities", entities)
            json.member("headline", headline)
            json.member("id", id)
            json.member("paragraphs", paragraphs)
            json.member("publishedAt", publishedAt)
            json.member("sha256", sha256)
        }
    }
}

extension ArticleDetail.Caption: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("credit", credit)
            json.member("date", date)
            json.member("id", id)
            json.member("isFilePhoto", isFilePhoto)
            json.member("place", place)
            json.member("text", text)
        }
    }
}

extension ArticleDetail.Entity: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("id", id)
            json.member("mentions", mentions)
            json.member("name", name)
            json.member("spans", spans)
            json.member("type", type)
        }
    }
}

extension MentionSpan: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("end", end)
            json.member("index", index)
            json.member("role", role)
            json.member("section", section)
            json.member("start", start)
            json.member("text", text)
        }
    }
}
