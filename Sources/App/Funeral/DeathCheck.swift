import Foundation
import MinzhengCore
import SQLKit

/// Cremation, a farewell hall and a body pick-up need the death (殡葬管理条例 §13): either the
/// registry holds it (a department's death notice or a registrar's entry) or the family
/// recorded the death certificate's number (`POST /api/v1/death-certificates`).
struct DeathCheck {
    let db: SQLDatabase
    let cipher: FieldCipher

    /// Refuses, naming `idNumbers[0]`, when neither is on record for `deceased`.
    func require(_ deceased: ResidentID) async throws {
        let indexes = cipher.blindIndexes(deceased.value)
        let store = FuneralStore(db: db)
        if try await store.deceased(indexes: indexes)?.deceasedOn != nil { return }
        if try await store.certificate(indexes: indexes) != nil { return }
        throw Refusal.invalid(
            "idNumbers[0]", "逝者 \(deceased.masked) 的死亡尚未登记：请先在“身后一件事”填写死亡医学证明（或公安机关死亡证明）编号")
    }
}
