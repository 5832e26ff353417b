@testable import App
import Foundation
import Testing

/// The import batch's audit record, written by hand for speed: valid JSON that reads back
/// to what was recorded, whatever the addresses contain.
@Suite("the import batch's audit record")
struct ImportBatchAuditTests {
    struct Listing: Decodable, Equatable {
        struct Household: Decodable, Equatable {
            let region: String
            let address: String
            let importRef: String?
        }
        struct Created: Decodable, Equatable {
            let id: UUID
            let household: Household
        }
        struct Changed: Decodable, Equatable {
            let id: UUID
            let before: Household
            let after: Household
        }
        let householdsCreated: [Created]
        let householdsUpdated: [Changed]
        let personsCreated: [String: [String]]
        let personsUpdated: [[String: AnyDecodable]]
    }

    /// Any JSON value, compared by its text.
    struct AnyDecodable: Decodable, Equatable {
        init(from decoder: Decoder) throws {}
    }

    @Test(
        "addresses with quotes, backslashes, slashes, line breaks and control characters read back as written",
        arguments: ["常州市天宁区\"红梅\"新村\\3号", "A/B 栋\n2单元\t301\r", "\u{01}\u{1F}末尾", "", "普通地址 12 号"])
    func escaping(address: String) throws {
        let id = UUID.random()
        var audit = ImportBatchAudit()
        audit.householdsCreated = [
            .init(id: id, household: HouseholdAuditRecord(region: "320402001001", address: address, importRef: "H\"1"))
        ]
        audit.householdsUpdated = [
            .init(
                id: id, before: HouseholdAuditRecord(region: "320402001001", address: "旧", importRef: "H\"1"),
                after: HouseholdAuditRecord(region: "320402002001", address: address, importRef: "H\"1"))
        ]
        audit.personsCreated = [
            (id.text, [UUID.random().text, UUID.random().text]), (UUID.random().text, [UUID.random().text]),
        ]
        let json = audit.json()
        let listing = try JSONDecoder().decode(Listing.self, from: Data(json.utf8))
        let household = Listing.Household(region: "320402001001", address: address, importRef: "H\"1")
        #expect(listing.householdsCreated == [.init(id: id, household: household)])
        #expect(
            listing.householdsUpdated == [
                .init(
                    id: id, before: .init(region: "320402001001", address: "旧", importRef: "H\"1"),
                    after: .init(region: "320402002001", address: address, importRef: "H\"1"))
            ])
        #expect(
            listing.personsCreated
                == Dictionary(uniqueKeysWithValues: audit.personsCreated.map { ($0.household, $0.persons) }))
        #expect(listing.personsUpdated.isEmpty)
        // Keys in order, as the encoder wrote them before: the trail reads the same.
        #expect(json.hasPrefix("{\"householdsCreated\":[{\"household\":{\"address\":"))
        #expect(
            json.contains("],\"householdsUpdated\":[") && json.contains("],\"personsCreated\":{")
                && json.hasSuffix("},\"personsUpdated\":[]}"))
    }

    @Test("an empty batch's record is empty")
    func empty() {
        #expect(ImportBatchAudit().isEmpty)
        #expect(
            ImportBatchAudit().json()
                == #"{"householdsCreated":[],"householdsUpdated":[],"personsCreated":{},"personsUpdated":[]}"#)
    }
}
