import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// Applicants' documents: checked by content (PDF, JPEG, PNG; 10 MB), stored as files
/// outside the database under the data folder (mode 600), served only through the
/// application's visibility check.
struct DocumentStore {
    /// Where the files are: `documents` under the data folder.
    let folder: String
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    /// Seals the files at rest and opens them.
    let cipher: FieldCipher

    private func path(application: UUID, document: UUID) -> String {
        folder + "/\(application.uuidString)/\(document.uuidString)"
    }

    /// Saves the upload for an application the user can see; the file is written first and
    /// removed again if the database write fails, so no row ever points at nothing.
    func add(
        to application: ApplicationRecord, requirement: String, fileName: String, bytes: ByteBuffer,
        uploader: String
    ) async throws -> UUID {
        let data = Data(buffer: bytes)
        // One of the documents the item asks for, by code or by name; stored by its name.
        let typed = requirement.trimmedWhitespace
        let catalog = try await CatalogStore(db: db).catalog()
        let listed = AssistanceItemCode(application.itemCode).flatMap(catalog.item)?.documents ?? []
        guard let requirement = listed.first(where: { $0.code == typed || $0.name == typed })?.name else {
            throw Refusal.invalid("requirement", "材料类别应为本事项所需材料之一：" + listed.map(\.name).joined(separator: "、"))
        }
        let id = UUID.random()
        let file = try StoredUpload.save(
            data, fileName: fileName, defaultName: "材料", cipher: cipher,
            at: path(application: application.id, document: id))
        let (kind, digest, name) = (file.kind, file.sha256, file.fileName)
        let now = clock.now
        do {
            try await writer.transaction { tx, audit in
                try await tx.insert(into: "application_documents")
                    .columns(
                        "id", "application_id", "requirement", "file_name", "content_type", "size", "sha256",
                        "uploaded_by", "uploaded_at"
                    )
                    .values(
                        SQLBind(id), SQLBind(application.id), SQLBind(requirement), SQLBind(name),
                        SQLBind(kind.mimeType),
                        SQLBind(data.count), SQLBind(digest), SQLBind(uploader), SQLBind(now)
                    )
                    .run()
                try await audit.record(
                    "application.document.add", entity: "application", id: application.id.uuidString,
                    region: application.region,
                    after: [
                        "document": id.uuidString, "requirement": requirement, "sha256": digest,
                        "size": String(data.count),
                    ])
            }
        } catch {
            file.discard()
            throw error
        }
        return id
    }

    /// The document and its bytes; not found when it is not this application's.
    func file(of application: ApplicationRecord, document id: UUID) throws -> (ApplicationRecord.Document, Data) {
        guard let doc = application.documents.first(where: { $0.id == id }),
            let data = try StoredUpload.read(path(application: application.id, document: id), cipher: cipher)
        else {
            throw Refusal.notFound("材料")
        }
        return (doc, data)
    }
}

extension Request {
    var documents: DocumentStore {
        DocumentStore(
            folder: UploadFolder.documents.path(platform.config), db: sql, writer: writer, clock: platform.clock,
            cipher: platform.cipher)
    }

    /// An application's document as an inline download that no shared cache keeps.
    func documentDownload(of application: ApplicationRecord, document id: UUID) throws -> Response {
        let (doc, data) = try documents.file(of: application, document: id)
        return FileDownload.inline(
            data, type: doc.contentType, disposition: DocumentRules.inlineDisposition(fileName: doc.fileName))
    }
}
