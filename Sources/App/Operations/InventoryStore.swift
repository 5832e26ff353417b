import Foundation
import MinzhengCore
import SQLKit

/// Reads a database's inventory for backups: every table's rows, the audit chain's head and
/// the applied migrations. Run it inside one transaction (or on a connection holding one)
/// to read them all in one snapshot.
struct InventoryStore {
    let db: SQLDatabase

    func tableNames() async throws -> [String] {
        let query: SQLQueryString =
            db.dialect.name == "postgresql"
            ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        return try await db.raw(query).all().map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    func inventory() async throws -> DatabaseInventory {
        var tables: [String: Int] = [:]
        let names = try await tableNames()
        for name in names {
            tables[name] =
                try await db.raw("SELECT COUNT(*) AS n FROM \(ident: name)").first()?.decode(column: "n", as: Int.self)
                ?? 0
        }
        let head = names.contains("audit_events") ? try await AuditLog(db: db).head() : .genesis
        let migrations =
            names.contains("_fluent_migrations")
            ? try await db.raw("SELECT name FROM _fluent_migrations").all().map {
                try $0.decode(column: "name", as: String.self)
            } : []
        return DatabaseInventory(tables: tables, auditHead: head, migrations: migrations)
    }

    /// The inventory and the audit chain's verification (`minzheng audit verify`'s walk).
    func check() async throws -> (DatabaseInventory, AuditVerification) {
        let inventory = try await inventory()
        guard inventory.tables["audit_events"] != nil else { return (inventory, .intact(count: 0)) }
        return (inventory, try await AuditStore(db: db).verify())
    }
}
