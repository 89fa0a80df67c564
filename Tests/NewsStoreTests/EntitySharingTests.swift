import NewsIngest
@testable import NewsStore
import Testing

@Suite struct EntitySharingTests {
    @Test func entitiesAreSharedAcrossArticlesByNameAndType() throws {
        try withTemporaryStore { store, _ in
            let first = try Fixtures.article("First.", publishedAt: Fixtures.date(2020, 1, 1), entities: [
                NamedEntity(name: "Giuseppe Conte", type: .person, mentions: 3),
                NamedEntity(name: "Libya", type: .gpe, mentions: 6),
            ])
            let second = try Fixtures.article("Second.", publishedAt: Fixtures.date(2021, 1, 1), entities: [
                NamedEntity(name: "Libya", type: .gpe, mentions: 1),
                NamedEntity(name: "Giuseppe Conte", type: .person, mentions: 2),
                // Same name, other type: a different entity.
                NamedEntity(name: "Libya", type: .org, mentions: 1),
            ])
            let firstID = try store.store(first.0, first.1).id
            let secondID = try store.store(second.0, second.1).id

            let firstDetail = try #require(try store.article(id: firstID))
            let secondDetail = try #require(try store.article(id: secondID))
            func id(_ detail: ArticleDetail, _ name: String, _ type: EntityType) -> Int64? {
                detail.entities.first { $0.name == name && $0.type == type }?.id
            }
            #expect(id(firstDetail, "Libya", .gpe) == id(secondDetail, "Libya", .gpe))
            #expect(id(firstDetail, "Giuseppe Conte", .person) == id(secondDetail, "Giuseppe Conte", .person))
            #expect(id(secondDetail, "Libya", .org) != id(secondDetail, "Libya", .gpe))

            let entities = try store.entities().data
            #expect(entities.map(\.name) == ["Libya", "Giuseppe Conte", "Libya"])
            #expect(entities.map(\.type) == [.gpe, .person, .org])
            #expect(entities.map(\.articleCount) == [2, 2, 1])
            #expect(entities.map(\.mentionCount) == [7, 5, 1])

            let libyaID = try #require(id(firstDetail, "Libya", .gpe))
            let libya = try #require(try store.entity(id: libyaID))
            #expect(libya.articleCount == 2 && libya.mentionCount == 7)
            #expect(libya.articles.data.map(\.id) == [secondID, firstID])
        }
    }

    @Test func aRepeatedEntityWithinOneArticleAddsUp() throws {
        try withTemporaryStore { store, _ in
            let item = try Fixtures.article("Repeat.", entities: [
                NamedEntity(name: "Rome", type: .gpe, mentions: 2),
                NamedEntity(name: "Rome", type: .gpe, mentions: 1),
            ])
            let id = try store.store(item.0, item.1).id
            #expect(try store.article(id: id)?.entities.map(\.mentions) == [3])
        }
    }
}
