import Foundation
import MinzhengCore
import SQLKit

/// Completion photos (完工照片): uploaded while the work is under way or done, before the
/// third party's acceptance (which sees them); a case is completed only with one at least.
extension AdaptationService {
    /// Checks the file by the application documents' rules, keeps it, records it (audited).
    func addPhoto(to id: UUID, fileName: String, bytes: Data, by user: CurrentUser) async throws -> AdaptationCase {
        let current = try await adaptationCase(id, for: user)
        guard current.caseState == .contracted || current.caseState == .completed else {
            throw Refusal(
                .conflict, "完工照片在施工中或待验收时上传（当前“\(current.caseState.label)”）", field: "file")
        }
        let photo = UUID.random()
        let file = try StoredUpload.save(
            bytes, fileName: fileName, defaultName: "完工照片", cipher: cipher,
            at: folder + "/\(id.uuidString)/\(photo.uuidString)")
        let now = clock.now
        do {
            try await writer.transaction { [writer] tx, audit in
                try await AdaptationStore(db: tx).addPhoto(file, id: photo, case: id, by: writer.actor.name, at: now)
                try await audit.record(
                    "adaptation.photo", entity: "adaptation_case", id: id.uuidString, region: current.region,
                    after: ["photo": photo.uuidString, "sha256": file.sha256, "size": String(file.size)])
            }
        } catch {
            file.discard()
            throw error
        }
        return try await adaptationCase(id, for: user)
    }

    /// A completion photo of a case the user can see, with its bytes.
    func photo(_ photo: UUID, of id: UUID, for user: CurrentUser) async throws -> (AdaptationCase.Photo, Data) {
        let found = try await adaptationCase(id, for: user)
        guard let p = found.photos.first(where: { $0.id == photo }),
            let data = try StoredUpload.read(folder + "/\(id.uuidString)/\(photo.uuidString)", cipher: cipher)
        else { throw Refusal.notFound("完工照片") }
        return (p, data)
    }
}
