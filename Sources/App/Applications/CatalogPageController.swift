import Foundation
import MinzhengCore
import SQLKit
import Vapor

/// 救助事项目录: the 32 items and who owns and approves them. Staff read it; the city
/// administrator changes an item's approving level and required documents (audited,
/// versioned). Identity, department and engine program are policy, fixed in code.
struct CatalogPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.catalog.pattern, use: show)
        routes.post(Route.catalogItem.pattern, use: edit)
    }

    func show(req: Request) async throws -> View {
        try await render(req, error: nil, saved: req.query["saved"])
    }

    private func render(_ req: Request, error: String?, saved: String?) async throws -> View {
        let user = try req.user
        try user.require(.viewPolicy)
        let catalog = try await CatalogStore(db: req.sql).catalog()
        return try await req.view.render(
            "applications/catalog",
            CatalogPage(
                layout: LayoutContext(request: req, title: "救助事项目录", user: user),
                items: catalog.items.map { item in
                    ItemView(
                        code: item.code.rawValue, name: item.name, department: item.department.chinese,
                        subject: item.subject.chinese,
                        approval: item.approval.chinese, level: item.approval.level.rawValue.description,
                        documents: item.documents.map { "\($0.code) \($0.name)" }.joined(separator: "\n"),
                        engine: item.engineProgram?.chinese)
                },
                canEdit: user.role.may(.managePolicy),
                levels: ApprovalRule.approvingLevels.map { Choice(value: String($0.rawValue), label: $0.chinese) },
                error: error, saved: saved))
    }

    struct EditForm: Content {
        var level: String?
        /// One document per line: `code 名称`.
        var documents: String?
    }

    func edit(req: Request) async throws -> Response {
        let user = try req.user
        try user.require(.managePolicy)
        let store = CatalogStore(db: req.sql)
        guard let code = req.parameters.get("code").flatMap(AssistanceItemCode.init),
            let item = try await store.catalog().item(code)
        else {
            throw Refusal.notFound("救助事项")
        }
        let form = try req.content.decode(EditForm.self)
        do {
            guard let levelNumber = form.level.flatMap(Int.init), let level = RegionCode.Level(rawValue: levelNumber)
            else {
                throw Refusal.invalid("level", "审批层级无效")
            }
            var documents: [DocumentRequirement] = []
            for line in (form.documents ?? "").split(whereSeparator: \.isNewline) {
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(
                    String.init)
                guard parts.count == 2 else {
                    throw Refusal.invalid("documents", "每行一项材料：代码 空格 名称，如 incomeProof 收入证明；出错的行：\(line)")
                }
                do { documents.append(try DocumentRequirement(code: parts[0], name: parts[1].trimmedWhitespace)) } catch
                {
                    throw Refusal.invalid("documents", "\(error.message)（\(line)）")
                }
            }
            let edited: AssistanceItem
            do {
                edited = try item.editing(
                    approval: try ApprovalRule(
                        level: level,
                        escalation: item.approval.escalation.flatMap {
                            // An escalation must stay above the base level (a smaller code length).
                            $0.level < level ? $0 : nil
                        }), documents: documents)
            } catch {
                throw Refusal.invalid(error.field, error.message)
            }
            let json = try CatalogStore.json(edited)
            let before = try CatalogStore.json(item)
            let now = req.now
            try await req.auditedTransaction { tx, audit in
                try await CatalogStore(db: tx).update(code, json: json, by: user.username, at: now)
                try await audit.record(
                    "catalog.item.update", entity: "assistance_item", id: code.rawValue, region: user.region.value,
                    before: before, after: json)
            }
            return req.redirect(to: Route.catalog.path + "?saved=\(code.rawValue)#\(code.rawValue)")
        } catch let error as Refusal {
            return try await render(req, error: "\(item.name)：\(error.message)", saved: nil).encodeResponse(
                status: error.status, for: req)
        }
    }
}
