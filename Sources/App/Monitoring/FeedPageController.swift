import Foundation
import MinzhengCore
import Vapor

/// `/feeds`: a department uploads a CSV file of one of its feeds, the same ingestion as
/// `minzheng feed import` (bad rows listed by row number, re-sent rows counted as duplicates).
struct FeedPageController: RouteCollection {
    struct KindChoice: Encodable {
        let code: String
        let name: String
        let columns: String
        let selected: Bool
    }

    struct FeedPage: Encodable {
        let layout: LayoutContext
        let department: String
        let kinds: [KindChoice]
        let kindName: String?
        let summary: FeedIngest.Summary?
        let hasErrors: Bool
        let error: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get("feeds", use: show)
        routes.on(.POST, "feeds", body: .collect(maxSize: "200mb"), use: upload)
    }

    func show(req: Request) async throws -> View {
        let user = try req.user
        let department = try FeedSender.department(of: user)
        return try await req.view.render("monitoring/feeds", page(req, user: user, department: department, kind: nil, summary: nil, error: nil))
    }

    func upload(req: Request) async throws -> Response {
        let user = try req.user
        let department = try FeedSender.department(of: user)
        struct Upload: Content {
            let kind: String?
            let file: File?
        }
        let form = try? req.content.decode(Upload.self)
        func refuse(_ message: String, kind: FeedKind? = nil) async throws -> Response {
            try await req.view.render("monitoring/feeds", page(req, user: user, department: department, kind: kind, summary: nil, error: message))
                .encodeResponse(status: .badRequest, for: req)
        }
        guard let kind = form?.kind.flatMap(FeedKind.init(rawValue:)), department.mayPush(kind) else {
            return try await refuse("请选择本部门报送的数据类别")
        }
        guard let file = form?.file, file.data.readableBytes > 0 else { return try await refuse("请选择要上传的 CSV 文件", kind: kind) }
        do {
            let summary = try await UploadedFile.withTemporaryCopy(of: file, named: "feed") { path in
                try await FeedFileImport(app: req.application, actor: req.auditActor).run(path: path, kind: kind, department: department, progress: nil)
            }
            return try await req.view.render("monitoring/feeds", page(req, user: user, department: department, kind: kind, summary: summary, error: nil))
                .encodeResponse(for: req)
        } catch let error as AppError where error.status == .badRequest {
            return try await refuse(error.message, kind: kind)
        } catch let error as CSVReader.ReadError {
            return try await refuse(error.description, kind: kind)
        }
    }

    private func page(_ req: Request, user: CurrentUser, department: FeedDepartment, kind: FeedKind?,
                      summary: FeedIngest.Summary?, error: String?) -> FeedPage {
        let kinds = department.feedKinds.map { k in
            KindChoice(code: k.rawValue, name: k.chinese,
                       columns: k.allFields.map { k.optionalFields.contains($0) ? "\($0)（可空）" : $0 }.joined(separator: ", "),
                       selected: k == kind)
        }
        return FeedPage(layout: LayoutContext(request: req, title: "数据报送", user: user), department: department.chinese, kinds: kinds,
                        kindName: kind?.chinese, summary: summary, hasErrors: !(summary?.errors.isEmpty ?? true), error: error)
    }
}
