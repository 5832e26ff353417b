import Foundation
import MinzhengCore
import SQLKit

/// What a feed batch's rules read of the registry: the persons its rows name (by blind
/// index) with their current household, those households' enrollments and, where a rule
/// reads them (`EarlyWarningRules.readsHouseholdFacts`), their members and declared means.
/// Loading every household's members was a third of the time of a medical-expense file.
///
/// (Reading the next batch's snapshot on a second SQLite connection while the previous
/// batch is written was tried: 10 % faster, but two page caches and busier malloc arenas
/// took a file's peak over 400 MB.)
struct FeedRegistrySnapshot: Sendable {
    struct Person: Sendable {
        let id: UUID
        let birthDate: CivilDate
        let deceased: Bool
        let household: UUID?
        let region: String
    }

    /// The persons by the blind index of their ID number.
    let persons: [String: Person]
    let enrollments: [UUID: [EnrollmentSnapshot]]
    let members: [UUID: [RegistryMemberFacts]]
    let means: [UUID: DeclaredMeans]
    /// Residential properties on file of those households' members (real-estate rows only),
    /// by person id in the text form the members' facts carry.
    let holdings: [String: Int]

    /// The rows whose rules read the household's declared means: income and job loss.
    static func needsMeans(_ kind: FeedKind) -> Bool { kind == .pension || kind == .unemployment }

    /// Reads the households' part of the snapshot for `persons` (looked up with `persons(_:indexes:)`).
    /// The independent reads run side by side (`async let`), and the caller runs this beside
    /// its own statements, so that decoding one query's rows overlaps the database answering
    /// the next; every SQLDatabase here takes concurrent statements (the bulk database queues
    /// them, PostgresNIO pipelines them, SQLiteNIO's handles are serialized).
    static func read(
        _ db: SQLDatabase, kind: FeedKind, persons: [String: Person], cipher: FieldCipher
    ) async throws -> FeedRegistrySnapshot {
        let households = Array(Set(persons.values.compactMap(\.household)))
        let enrollments = try await Self.enrollments(db, households: households)
        let reading = households.filter {
            EarlyWarningRules.readsHouseholdFacts(kind: kind, enrollments: enrollments[$0] ?? [])
        }
        async let membersRead = RegistryMemberFactsQuery(db: db).members(of: reading)
        async let means = HouseholdMeansStore(db: db, cipher: cipher).means(of: needsMeans(kind) ? reading : [])
        let members = try await membersRead
        let holdings =
            kind == .realEstate
            ? try await RealEstateHoldingsStore(db: db).holdings(
                of: members.values.flatMap { $0.compactMap { UUID(uuidString: $0.personId) } }
            )
            .reduce(into: [String: Int]()) { $0[$1.key.text] = $1.value }
            : [:]
        return FeedRegistrySnapshot(
            persons: persons, enrollments: enrollments, members: members, means: try await means, holdings: holdings)
    }

    func readsHouseholdFacts(_ household: UUID, kind: FeedKind) -> Bool {
        EarlyWarningRules.readsHouseholdFacts(kind: kind, enrollments: enrollments[household] ?? [])
    }

    /// The registered persons among these blind indexes, with their current household.
    static func persons(_ db: SQLDatabase, indexes: [String]) async throws -> [String: Person] {
        var result: [String: Person] = [:]
        for chunk in Array(Set(indexes)).chunked(500) {
            for r in try await db.raw(
                """
                SELECT id, id_index, birth_date, deceased_on, region, household_id FROM persons WHERE id_index IN \(SQLBind.group(chunk))
                """
            ).all() {
                guard let birth = CivilDate(try r.decode(column: "birth_date", as: String.self)) else { continue }
                result[try r.decode(column: "id_index", as: String.self)] = Person(
                    id: try r.decode(column: "id", as: UUID.self), birthDate: birth,
                    deceased: try r.decode(column: "deceased_on", as: String?.self) != nil,
                    household: try r.decode(column: "household_id", as: UUID?.self),
                    region: try r.decode(column: "region", as: String.self))
            }
        }
        return result
    }

    private static func enrollments(_ db: SQLDatabase, households: [UUID]) async throws -> [UUID: [EnrollmentSnapshot]]
    {
        var result: [UUID: [EnrollmentSnapshot]] = [:]
        for chunk in households.chunked(1000) {
            for r in try await db.raw(
                "SELECT household_id, item_code, person_id, status FROM enrollments WHERE household_id IN \(SQLBind.group(chunk))"
            ).all() {
                guard let status = EnrollmentSnapshot.Status(rawValue: try r.decode(column: "status", as: String.self))
                else { continue }
                let coverage: EnrollmentSnapshot.Coverage =
                    try r.decode(column: "person_id", as: UUID?.self).map { .person(id: $0.text) } ?? .household
                result[try r.decode(column: "household_id", as: UUID.self), default: []]
                    .append(
                        EnrollmentSnapshot(
                            code: try r.decode(column: "item_code", as: String.self), coverage: coverage, status: status
                        ))
            }
        }
        return result
    }
}
