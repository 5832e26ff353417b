import Foundation
import MinzhengCore
import Vapor

/// `/feeds`: a department uploads a CSV file of one of its feeds, the same ingestion as
/// `minzheng feed import`, run in the background (`BackgroundJobs`); the job's page follows
/// its progress and shows the outcome (bad rows listed by row number and downloadable,
/// re-sent rows counted as duplicates).
struct FeedPageController: RouteCollection {

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.feeds.pattern, use: show)
        routes.on(.POST, Route.feeds.pattern, body: .collect(maxSize: "200mb"), use: upload)
        Self.jobRoutes.register(on: routes)
    }

    func show(req: Request) async throws -> View {
        let user = try req.user
        let department = try FeedSender.department(of: user)
        return try await req.view.render(
            "monitoring/feeds", page(req, user: user, department: department, kind: nil, error: nil))
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
            try await req.view.render(
                "monitoring/feeds", page(req, user: user, department: department, kind: kind, error: message)
            )
            .encodeResponse(status: .badRequest, for: req)
        }
        guard let kind = form?.kind.flatMap(FeedKind.init(rawValue:)), department.mayPush(kind) else {
            return try await refuse("请选择本部门报送的数据类别")
        }
        guard let file = form?.file, file.data.readableBytes > 0 else {
            return try await refuse("请选择要上传的 CSV 文件", kind: kind)
        }
        let path = try UploadedFile.privateCopy(of: file, named: "feed")
        let feed = req.application.feedFileImport(actor: req.auditActor, reach: user.region)
        let id = try await req.application.feedJobs.start(
            for: user, title: "\(kind.chinese)：\(file.filename)", file: path, logger: req.logger
        ) { progress in
            try await feed.run(path: path, kind: kind, department: department, progress: progress)
        }
        return req.redirect(to: Route.feedJob.path(id))
    }

    static let jobRoutes = JobRoutes<FeedIngest.Summary>(
        page: Route.feedJob, errors: Route.feedJobErrors,
        jobs: \.feedJobs, authorize: { _ = try FeedSender.department(of: $0) }, template: "monitoring/feed-job",
        pageTitle: "数据报送", progressNote: "逐行核对并与人员档案比对，同时运行预警规则。", jobName: "报送任务",
        errorsFileName: "feed-errors.csv")

    private func page(
        _ req: Request, user: CurrentUser, department: FeedDepartment, kind: FeedKind?, error: String?
    ) -> FeedPage {
        let kinds = department.feedKinds.map { k in
            KindChoice(
                code: k.rawValue, name: k.chinese,
                columns: k.allFields.map { k.optionalFields.contains($0) ? "\($0)（可空）" : $0 }.joined(separator: ", "),
                selected: k == kind)
        }
        return FeedPage(
            layout: LayoutContext(request: req, title: "数据报送", user: user), department: department.chinese,
            kinds: kinds,
            error: error)
    }
}
