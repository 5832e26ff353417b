import Foundation
import MinzhengCore
import SQLKit

/// A payee's bank account: encrypted like ID numbers, shown masked.
struct BankAccountStore {
    let db: SQLDatabase
    let cipher: FieldCipher

    /// Replaces the person's account.
    func set(person: UUID, account: String, masked: String, bank: String, at now: Date) async throws {
        try await db.delete(from: "bank_accounts").where("person_id", .equal, person).run()
        try await db.insert(into: "bank_accounts").columns(
            "person_id", "account_cipher", "account_masked", "bank", "updated_at"
        )
        .values(SQLBind(person), SQLBind(cipher.encrypt(account)), SQLBind(masked), SQLBind(bank), SQLBind(now)).run()
    }
}
