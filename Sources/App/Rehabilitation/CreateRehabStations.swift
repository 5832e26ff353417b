import Fluent
import SQLKit

/// 德康驿站: `rehab_stations` (name, street, operator, opening day, the standard equipment
/// present), `rehab_patients` (a registry person enrolled at a station, the days in and out; the
/// diagnosis and the family's contact sealed in `details_cipher`; one open enrolment per person,
/// a partial unique index), `rehab_attendance` (a patient's day at the station, once a day) and
/// `rehab_services` (a service by one of the four parties, its note sealed). Seeds the targets'
/// parameters for a database stored before them.
struct CreateRehabStations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("rehab_stations")
            .id()
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("address", .string, .required)
            .field("operator_kind", .string, .required)
            .field("operator_name", .string, .required)
            .field("opened_on", .string, .required)
            .field("equipment", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "name")
            .create()
        try await database.schema("rehab_patients")
            .id()
            .field("station_id", .uuid, .required, .references("rehab_stations", "id"))
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("region", .string, .required)
            .field("enrolled_on", .string, .required)
            .field("left_on", .string)
            .field("leave_reason", .string)
            .field("details_cipher", .string, .required)
            .field("enrolled_by", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("rehab_attendance")
            .id()
            .field("patient_id", .uuid, .required, .references("rehab_patients", "id"))
            .field("station_id", .uuid, .required, .references("rehab_stations", "id"))
            .field("day", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "patient_id", "day")
            .create()
        try await database.schema("rehab_services")
            .id()
            .field("patient_id", .uuid, .required, .references("rehab_patients", "id"))
            .field("station_id", .uuid, .required, .references("rehab_stations", "id"))
            .field("served_on", .string, .required)
            .field("party", .string, .required)
            .field("kind", .string, .required)
            .field("note_cipher", .string)
            .field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.raw(
            "CREATE UNIQUE INDEX rehab_patients_open ON rehab_patients (person_id) WHERE left_on IS NULL"
        ).run()
        try await sql.create(index: "rehab_stations_region").on("rehab_stations").column("region").run()
        try await sql.create(index: "rehab_patients_station").on("rehab_patients").column("station_id")
            .column("enrolled_on").run()
        try await sql.create(index: "rehab_attendance_station").on("rehab_attendance").column("station_id")
            .column("day").run()
        try await sql.create(index: "rehab_services_patient").on("rehab_services").column("patient_id")
            .column("served_on").run()
        try await sql.create(index: "rehab_services_station").on("rehab_services").column("station_id")
            .column("served_on").run()
        // The targets (20 stations, 5 000 patients) for a database stored before them.
        try await SeedMissingPolicyDefaults().prepare(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("rehab_services").delete()
        try await database.schema("rehab_attendance").delete()
        try await database.schema("rehab_patients").delete()
        try await database.schema("rehab_stations").delete()
    }
}
