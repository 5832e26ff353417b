import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// What the pages add to the family-search API: the public search of the notices (no sign-in),
/// a notice as the public may see it, the photos of a missing person on a family's report, and
/// the caseworkers' queue with each match's notice and report side by side.
extension FamilySearchService {
    /// The public search's fields as a form or a link gives them (text; blank is "any").
    struct PublicQuery: Content, Sendable, Equatable {
        var sex: String?
        var ageFrom: String?
        var ageTo: String?
        var heightFrom: String?
        var heightTo: String?
        var region: String?
        var foundFrom: String?
        var foundTo: String?
        var page: Int?

        /// The filter, or a refusal naming the field that cannot be read.
        func filter() throws -> FamilySearchStore.NoticeFilter {
            func blank(_ s: String?) -> String? {
                let t = s?.trimmingCharacters(in: .whitespaces) ?? ""
                return t.isEmpty ? nil : t
            }
            func number(_ s: String?, _ field: String, _ range: ClosedRange<Int>, _ label: String) throws -> Int? {
                guard let t = blank(s) else { return nil }
                guard let n = Int(t), range.contains(n) else {
                    throw Refusal.invalid(field, "\(label)应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数")
                }
                return n
            }
            func day(_ s: String?, _ field: String) throws -> CivilDate? {
                guard let t = blank(s) else { return nil }
                guard let d = CivilDate(t) else { throw Refusal.invalid(field, "日期格式应为 YYYY-MM-DD") }
                return d
            }
            var f = FamilySearchStore.NoticeFilter()
            switch blank(sex) {
            case nil, "unknown": f.sex = nil
            case let s?:
                guard let parsed = Sex(rawValue: s) else { throw Refusal.invalid("sex", "性别应为 male 或 female") }
                f.sex = parsed
            }
            f.ageFrom = try number(ageFrom, "ageFrom", 0...120, "年龄下限")
            f.ageTo = try number(ageTo, "ageTo", 0...120, "年龄上限")
            if let a = f.ageFrom, let b = f.ageTo, a > b { throw Refusal.invalid("ageTo", "年龄上限不能小于下限") }
            f.heightFrom = try number(heightFrom, "heightFrom", 40...230, "身高下限（厘米）")
            f.heightTo = try number(heightTo, "heightTo", 40...230, "身高上限（厘米）")
            if let a = f.heightFrom, let b = f.heightTo, a > b {
                throw Refusal.invalid("heightTo", "身高上限不能小于下限")
            }
            if let r = blank(region) {
                guard r.count <= 12, r.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    throw Refusal.invalid("region", "发现地应为区划代码（数字），如 320402")
                }
                f.region = r
            }
            f.foundFrom = try day(foundFrom, "foundFrom")
            f.foundTo = try day(foundTo, "foundTo")
            if let a = f.foundFrom, let b = f.foundTo, a > b {
                throw Refusal.invalid("foundTo", "发现日期的截止日不能早于起始日")
            }
            return f
        }

        /// The filters a pager's links keep.
        var links: [String: String?] {
            [
                "sex": sex, "ageFrom": ageFrom, "ageTo": ageTo, "heightFrom": heightFrom, "heightTo": heightTo,
                "region": region, "foundFrom": foundFrom, "foundTo": foundTo,
            ]
        }
    }

    static let publicPageSize = 20

    /// The published notices matching `query`, newest first; no sign-in needed.
    func publicNotices(_ query: PublicQuery) async throws -> Page<FamilySearchStore.Notice> {
        try await FamilySearchStore(db: db).publicNotices(
            try query.filter(), page: try PageRequest(page: query.page, perPage: Self.publicPageSize))
    }

    /// One notice by id (published or taken down; the edge shows a taken-down one as such only).
    func publicNotice(_ id: UUID?) async throws -> FamilySearchStore.Notice {
        guard let id, let notice = try await FamilySearchStore(db: db).notice(id: id) else {
            throw Refusal.notFound("寻亲公告")
        }
        return notice
    }

    /// A family's own report, or staff with `handleFamilySearch`; anyone else 404 (as if none).
    private func reportForPhotos(_ id: UUID?, user: CurrentUser) async throws -> UUID {
        let store = FamilySearchStore(db: db)
        guard let id, let owner = try await store.owner(report: id),
            user.role.may(.handleFamilySearch) || (user.role.may(.selfService) && owner == user.id)
        else { throw Refusal.notFound("寻亲登记") }
        return id
    }

    /// A photo of the missing person, uploaded by the family on its own report (JPEG or PNG by
    /// content, the documents' size limit); kept outside the database, audited.
    func addPhoto(
        to id: UUID?, fileName: String, bytes: Data, user: CurrentUser
    ) async throws
        -> FamilySearchStore.Photo
    {
        try user.require(.selfService)
        let store = FamilySearchStore(db: db)
        guard let id, try await store.report(id: id, owner: user.id) != nil else { throw Refusal.notFound("寻亲登记") }
        let photo = UUID()
        let file = try StoredUpload.save(
            bytes, fileName: fileName, defaultName: "走失者照片", cipher: cipher,
            at: folder + "/\(id.uuidString)/\(photo.uuidString)")
        guard file.kind != .pdf else {
            file.discard()
            throw Refusal.invalid("file", "请上传走失者的照片（JPEG 或 PNG）")
        }
        let (now, region) = (clock.now, user.region.value)
        do {
            try await writer.transaction { [writer] tx, audit in
                try await FamilySearchStore(db: tx).addPhoto(
                    file, id: photo, report: id, by: writer.actor.name, at: now)
                try await audit.record(
                    "familySearch.photo", entity: "family_search_report", id: id.uuidString, region: region,
                    after: ["photo": photo.uuidString, "sha256": file.sha256, "size": String(file.size)])
            }
        } catch {
            file.discard()
            throw error
        }
        return try await store.photos(report: id).first { $0.id == photo }!
    }

    /// The photos of a report the user may see (its family, or staff).
    func photos(of id: UUID?, user: CurrentUser) async throws -> [FamilySearchStore.Photo] {
        try await FamilySearchStore(db: db).photos(report: try await reportForPhotos(id, user: user))
    }

    /// One photo with its bytes, for its family or staff; anyone else 404.
    func photo(_ photo: UUID?, of id: UUID?, user: CurrentUser) async throws -> (FamilySearchStore.Photo, Data) {
        let report = try await reportForPhotos(id, user: user)
        guard let photo,
            let p = try await FamilySearchStore(db: db).photos(report: report).first(where: { $0.id == photo }),
            let data = try StoredUpload.read(folder + "/\(report.uuidString)/\(photo.uuidString)", cipher: cipher)
        else { throw Refusal.notFound("照片") }
        return (p, data)
    }

    /// A match in the caseworkers' queue with what they compare: the notice, the report (the
    /// family's contact masked) and the report's photos.
    struct QueueEntry: Content, Sendable {
        let match: FamilySearchStore.Match
        let notice: FamilySearchStore.Notice?
        let report: FamilySearchStore.Report?
        let photos: [FamilySearchStore.Photo]
    }

    /// The proposed matches best first, and the confirmed ones waiting for the reunion.
    func queueEntries(user: CurrentUser) async throws -> (proposed: [QueueEntry], confirmed: [QueueEntry]) {
        try user.require(.handleFamilySearch)
        let store = FamilySearchStore(db: db)
        let proposed = try await store.proposedMatches(minimum: FamilySearchThresholds.propose, limit: 200)
        let confirmed = try await store.matches(status: FamilySearchMatchStatus.confirmed.rawValue, limit: 200)
        let reports = try await store.reports(ids: (proposed + confirmed).map(\.reportId))
        func entries(_ list: [FamilySearchStore.Match]) async throws -> [QueueEntry] {
            var out: [QueueEntry] = []
            for m in list {
                out.append(
                    QueueEntry(
                        match: m, notice: try await store.notice(id: m.noticeId), report: reports[m.reportId],
                        photos: try await store.photos(report: m.reportId)))
            }
            return out
        }
        return (try await entries(proposed), try await entries(confirmed))
    }
}
