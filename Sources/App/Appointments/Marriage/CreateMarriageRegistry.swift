import Fluent
import SQLKit

/// The marriage registry and the appointment engine's fairness: the partner's confirmation of
/// a booking, the popular dates' lottery and used proof-of-work challenges, marriage and
/// divorce records with their parties and certificates, divorce applications in cooling-off,
/// and a person's marital status on the registry.
struct CreateMarriageRegistry: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("booking_confirmations")
            .id()
            .field("booking_id", .uuid, .required, .references("bookings", "id"))
            .field("booking_person_id", .uuid, .required, .references("booking_persons", "id"))
            .field("due_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .unique(on: "booking_person_id")
            .create()
        try await database.schema("used_challenges")
            .field("challenge", .string, .identifier(auto: false))
            .field("expires_at", .datetime, .required)
            .create()
        try await database.schema("booking_lottery_requests")
            .id()
            .field("slot_id", .uuid, .required, .references("booking_slots", "id"))
            .field("kind", .string, .required)
            .field("day", .string, .required)
            .field("account_id", .uuid, .required)
            .field("seats", .int, .required)
            .field("own_position", .int, .required)
            .field("state", .string, .required)
            .field("booking_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "kind", "day", "account_id")
            .create()
        try await database.schema("booking_lottery_persons")
            .id()
            .field("request_id", .uuid, .required, .references("booking_lottery_requests", "id"))
            .field("position", .int, .required)
            .field("id_index", .string, .required)
            .field("id_cipher", .string, .required)
            .create()
        try await database.schema("booking_draws")
            .id()
            .field("kind", .string, .required)
            .field("day", .string, .required)
            .field("seed", .string, .required)
            .field("requests", .int, .required)
            .field("won", .int, .required)
            .field("drawn_at", .datetime, .required)
            .unique(on: "kind", "day")
            .create()
        try await database.schema("marriage_records")
            .id()
            .field("kind", .string, .required)
            .field("office_id", .uuid, .required, .references("booking_resources", "id"))
            .field("region", .string, .required)
            .field("registered_on", .string, .required)
            .field("state", .string, .required)
            .field("booking_id", .uuid)
            .field("marriage_id", .uuid)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("marriage_parties")
            .id()
            .field("record_id", .uuid, .required, .references("marriage_records", "id"))
            .field("position", .int, .required)
            .field("id_index", .string, .required)
            .field("id_cipher", .string, .required)
            .field("person_id", .uuid)
            .field("married", .bool, .required)
            .unique(on: "record_id", "position")
            .create()
        try await database.schema("marriage_certificates")
            .id()
            .field("record_id", .uuid, .required, .references("marriage_records", "id"))
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("number", .string, .required)
            .field("issued_on", .string, .required)
            .field("replaced_on", .string)
            .unique(on: "number")
            .create()
        try await database.schema("divorce_applications")
            .id()
            .field("marriage_id", .uuid, .required, .references("marriage_records", "id"))
            .field("office_id", .uuid, .required, .references("booking_resources", "id"))
            .field("region", .string, .required)
            .field("received_on", .string, .required)
            .field("state", .string, .required)
            .field("divorce_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("changed_at", .datetime, .required)
            .create()
        try await database.schema("persons").field("marital_status", .string).update()
        let sql = database.sql
        // One married record per person at a time, and one divorce in progress per marriage:
        // two registrars at two offices cannot both marry the same person.
        try await sql.raw(
            "CREATE UNIQUE INDEX marriage_parties_one_married ON marriage_parties (id_index) WHERE married"
        ).run()
        try await sql.create(index: "marriage_parties_person").on("marriage_parties").column("id_index").run()
        try await sql.raw(
            """
            CREATE UNIQUE INDEX divorce_applications_one_pending ON divorce_applications (marriage_id)
            WHERE state = 'pending'
            """
        ).run()
        try await sql.create(index: "marriage_records_region").on("marriage_records").column("region")
            .column("registered_on").run()
        try await sql.create(index: "marriage_certificates_record").on("marriage_certificates").column("record_id")
            .run()
        try await sql.create(index: "booking_lottery_requests_slot").on("booking_lottery_requests").column("kind")
            .column("day").run()
        try await sql.create(index: "booking_lottery_persons_request").on("booking_lottery_persons")
            .column("request_id").run()
        try await sql.create(index: "booking_confirmations_booking").on("booking_confirmations").column("booking_id")
            .run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("persons").deleteField("marital_status").update()
        for table in [
            "divorce_applications", "marriage_certificates", "marriage_parties", "marriage_records", "booking_draws",
            "booking_lottery_persons", "booking_lottery_requests", "used_challenges", "booking_confirmations",
        ] {
            try await database.schema(table).delete()
        }
    }
}
