import Foundation
import MinzhengCore
import Vapor

/// The community division's pages (phone-friendly lists, 20 a page, filterable): 社区两委
/// (`/community-committees`, a term's members and their training, the untrained new members),
/// 社区工作者 (`/community-workers`, the stars computed), 社工站 (`/social-work-stations`, the
/// coverage of the streets), 社区事务准入 (`/admission-items`, `/community-assignments`) and the
/// communities' own list of tasks given to them (`/community-tasks`).
struct CommunityPageController: RouteCollection {
    struct Choice: Encodable {
        let code: String
        let name: String
    }

    struct Form<Model: Encodable>: Encodable {
        let layout: LayoutContext
        let m: Model
        let pager: Pager?
        let today: String
        let done: Bool
        let error: String?
        let errorField: String?
    }

    static func choices<T: RawRepresentable & CaseIterable>(_: T.Type, _ name: (T) -> String) -> [Choice]
    where T.RawValue == String {
        T.allCases.map { Choice(code: $0.rawValue, name: name($0)) }
    }

    static func render<M: Encodable>(
        _ req: Request, _ template: String, _ title: String, _ model: M, pager: Pager? = nil, error: Refusal?
    ) async throws -> View {
        try await req.view.render(
            template,
            Form(
                layout: LayoutContext(request: req, title: title, user: try req.user), m: model, pager: pager,
                today: req.today.description, done: req.query[String.self, at: "done"] != nil, error: error?.message,
                errorField: error?.field))
    }

    /// A form's POST: the action, then a redirect; a refusal shows the page again with it in place.
    static func post(
        _ req: Request, redirect: @escaping (Request) -> String,
        page: @escaping (Request, Refusal?) async throws -> View,
        _ action: @escaping (Request) async throws -> String?
    ) async throws -> Response {
        do {
            let target = try await action(req) ?? redirect(req)
            return req.redirect(to: target)
        } catch let error as Refusal where error.kind != .notFound {
            return try await page(req, error).encodeResponse(status: error.status, for: req)
        }
    }

    // MARK: Models

    struct CommitteesModel: Encodable {
        let items: [CommitteeRecord]
        let total: Int
        let community: String
        let kinds: [Choice]
    }

    struct CommitteeModel: Encodable {
        let c: CommitteeRecord
        let bodies: [Choice]
        let posts: [Choice]
    }

    struct UntrainedModel: Encodable {
        let items: [CommitteeMemberRecord]
        let total: Int
    }

    struct WorkersModel: Encodable {
        let list: CommunityService.WorkerList
        let query: CommunityService.WorkerQuery
        let qualifications: [Choice]
        let region: String
        /// 一星 12 人 … 五星 3 人.
        let summary: [Choice]
    }

    struct WorkerModel: Encodable {
        let w: WorkerRecord
        let outcomes: [Choice]
        let levels: [Choice]
        let thisYear: Int
    }

    struct StationsModel: Encodable {
        let coverage: CommunityService.Coverage
        let region: String
    }

    struct ItemsModel: Encodable {
        let items: [AdmissionItemRecord]
        let departments: [Choice]
        let canManage: Bool
        let notAdmitted: [Choice]
    }

    struct AssignmentsModel: Encodable {
        let items: [AssignmentRecord]
        let total: Int
        let query: AdmissionService.AssignmentQuery
        let departments: [Choice]
        let admissionItems: [AdmissionItemRecord]
        let canSend: Bool
        let isCity: Bool
    }

    // MARK: Forms with strings (numbers typed as text)

    struct TrainingForm: Content {
        var course: String?
        var trainedOn: String?
        var hours: String?
    }

    struct WorkerForm: Content {
        var region: String?
        var personId: String?
        var name: String?
        var idNumber: String?
        var startedOn: String?
        var qualification: String?
    }

    struct EvaluationForm: Content {
        var year: String?
        var outcome: String?
    }

    struct StationForm: Content {
        var street: String?
        var name: String?
        var openedOn: String?
        var staffCount: String?
        var services: String?
    }

    struct AssignmentForm: Content {
        var itemId: String?
        var taskKind: String?
        var title: String?
        var communities: String?
        var dueOn: String?
    }

    static func number(_ text: String?, field: String) throws -> Int? {
        guard let t = text?.trimmedWhitespace, !t.isEmpty else { return nil }
        guard let n = Int(t) else { throw Refusal.invalid(field, "应为整数") }
        return n
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.communityCommittees.pattern) { req async throws -> View in
            try await Self.committees(req, error: nil)
        }
        routes.post(Route.communityCommittees.pattern) { req async throws -> Response in
            try await Self.post(req, redirect: { _ in Route.communityCommittees.path }, page: Self.committees) { req in
                let c = try await req.communities().createCommittee(
                    try req.content.decode(CommunityService.NewCommittee.self))
                return Route.communityCommittee.path(c.id) + "?done=1"
            }
        }
        routes.get(Route.communityCommittee.pattern) { req async throws -> View in
            try await Self.committee(req, error: nil)
        }
        routes.post(Route.communityCommitteeMembers.pattern) { req async throws -> Response in
            try await Self.post(req, redirect: { _ in "" }, page: Self.committee) { req in
                let m = try await req.communities().addMember(
                    committee: req.parameters.get("id", as: UUID.self),
                    try req.content.decode(CommunityService.NewMember.self))
                return Route.communityCommittee.path(m.committeeId) + "?done=1"
            }
        }
        routes.post(Route.committeeMemberTrainings.pattern) { req async throws -> Response in
            let f = try req.content.decode(TrainingForm.self)
            let service = try req.communities()
            let member = try await service.member(req.parameters.get("id", as: UUID.self))
            do {
                _ = try await service.addTraining(
                    member: member.id,
                    CommunityService.NewTraining(
                        course: f.course, trainedOn: f.trainedOn, hours: try Self.number(f.hours, field: "hours")))
                return req.redirect(to: Route.communityCommittee.path(member.committeeId) + "?done=1")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.committee(req, id: member.committeeId, error: error)
                    .encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.committeeUntrained.pattern) { req async throws -> View in
            let q = try req.query.decode(CommunityAPIController.PageQuery.self)
            let page = try await req.communities().untrainedNewMembers(page: try PageRequest(page: q.page, perPage: 20))
            return try await Self.render(
                req, "communities/untrained", "未参加培训的新任两委成员", UntrainedModel(items: page.items, total: page.total),
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.committeeUntrained.path, filters: [:], result: page) : nil, error: nil)
        }
        routes.get(Route.communityWorkers.pattern) { req async throws -> View in try await Self.workers(req, error: nil)
        }
        routes.post(Route.communityWorkers.pattern) { req async throws -> Response in
            try await Self.post(req, redirect: { _ in Route.communityWorkers.path }, page: Self.workers) { req in
                let f = try req.content.decode(WorkerForm.self)
                let w = try await req.communities().createWorker(
                    CommunityService.NewWorker(
                        region: f.region, personId: f.personId, name: f.name, idNumber: f.idNumber,
                        startedOn: f.startedOn, qualification: f.qualification))
                return Route.communityWorker.path(w.id) + "?done=1"
            }
        }
        routes.get(Route.communityWorker.pattern) { req async throws -> View in try await Self.worker(req, error: nil) }
        routes.post(Route.communityWorkerEvaluations.pattern) { req async throws -> Response in
            try await Self.post(req, redirect: { _ in "" }, page: Self.worker) { req in
                let f = try req.content.decode(EvaluationForm.self)
                let w = try await req.communities().evaluate(
                    worker: req.parameters.get("id", as: UUID.self),
                    CommunityService.NewEvaluation(year: try Self.number(f.year, field: "year"), outcome: f.outcome))
                return Route.communityWorker.path(w.id) + "?done=1"
            }
        }
        routes.post(Route.communityWorkerAwards.pattern) { req async throws -> Response in
            try await Self.post(req, redirect: { _ in "" }, page: Self.worker) { req in
                let w = try await req.communities().award(
                    worker: req.parameters.get("id", as: UUID.self),
                    try req.content.decode(CommunityService.NewAward.self))
                return Route.communityWorker.path(w.id) + "?done=1"
            }
        }
        routes.get(Route.socialWorkStations.pattern) { req async throws -> View in
            try await Self.stations(req, error: nil)
        }
        routes.post(Route.socialWorkStations.pattern) { req async throws -> Response in
            try await Self.post(req, redirect: { _ in Route.socialWorkStations.path + "?done=1" }, page: Self.stations)
            {
                req in
                let f = try req.content.decode(StationForm.self)
                _ = try await req.communities().createStation(
                    CommunityService.NewStation(
                        street: f.street, name: f.name, openedOn: f.openedOn,
                        staffCount: try Self.number(f.staffCount, field: "staffCount"),
                        services: (f.services ?? "").split(whereSeparator: { $0.isNewline || $0 == "、" || $0 == "," })
                            .map { String($0).trimmedWhitespace }.filter { !$0.isEmpty }))
                return nil
            }
        }
        routes.get(Route.admissionItems.pattern) { req async throws -> View in try await Self.items(req, error: nil) }
        routes.post(Route.admissionItems.pattern) { req async throws -> Response in
            try await Self.post(req, redirect: { _ in Route.admissionItems.path + "?done=1" }, page: Self.items) {
                req in
                _ = try await req.admission().addItem(try req.content.decode(AdmissionService.NewItem.self))
                return nil
            }
        }
        routes.post(Route.admissionItemWithdrawal.pattern) { req async throws -> Response in
            try await Self.post(req, redirect: { _ in Route.admissionItems.path + "?done=1" }, page: Self.items) {
                req in
                _ = try await req.admission().withdrawItem(req.parameters.get("id", as: UUID.self))
                return nil
            }
        }
        routes.get(Route.communityAssignments.pattern) { req async throws -> View in
            try await Self.assignments(req, error: nil)
        }
        routes.post(Route.communityAssignments.pattern) { req async throws -> Response in
            try await Self.post(
                req, redirect: { _ in Route.communityAssignments.path + "?done=1" }, page: Self.assignments
            ) {
                req in
                let f = try req.content.decode(AssignmentForm.self)
                _ = try await req.admission().send(
                    AdmissionService.NewAssignment(
                        itemId: f.itemId, taskKind: f.taskKind, title: f.title,
                        communities: (f.communities ?? "").split(whereSeparator: {
                            $0.isWhitespace || $0 == "," || $0 == "、"
                        })
                        .map(String.init),
                        dueOn: f.dueOn))
                return nil
            }
        }
        routes.get(Route.communityTasks.pattern) { req async throws -> View in
            let q = try req.query.decode(AdmissionService.AssignmentQuery.self)
            let page = try await req.admission().tasks(
                AdmissionService.AssignmentQuery(
                    status: q.status, department: q.department, month: q.month, page: q.page, perPage: 20))
            return try await Self.render(
                req, "communities/tasks", "社区任务",
                AssignmentsModel(
                    items: page.items, total: page.total, query: q, departments: Self.departments, admissionItems: [],
                    canSend: false, isCity: false),
                pager: page.total > page.perPage
                    ? Pager.make(path: Route.communityTasks.path, filters: q.filters, result: page) : nil, error: nil)
        }
    }

    static let departments = Department.allCases.map { Choice(code: $0.rawValue, name: $0.shortChinese) }

    static func committees(_ req: Request, error: Refusal?) async throws -> View {
        let q = try req.query.decode(CommunityAPIController.CommitteeQuery.self)
        let page = try await req.communities().committees(
            community: q.community, page: try PageRequest(page: q.page, perPage: 20))
        return try await render(
            req, "communities/committees", "社区两委",
            CommitteesModel(
                items: page.items, total: page.total, community: q.community ?? "",
                kinds: [CommitteeBody.residents, .villagers].map { Choice(code: $0.rawValue, name: $0.chinese) }),
            pager: page.total > page.perPage
                ? Pager.make(
                    path: Route.communityCommittees.path, filters: ["community": q.community], result: page) : nil,
            error: error)
    }

    static func committee(_ req: Request, error: Refusal?) async throws -> View {
        try await committee(req, id: req.parameters.get("id", as: UUID.self), error: error)
    }

    static func committee(_ req: Request, id: UUID?, error: Refusal?) async throws -> View {
        let c = try await req.communities().committee(id)
        return try await render(
            req, "communities/committee", "社区两委 \(c.communityName)",
            CommitteeModel(
                c: c,
                bodies: [CommitteeBody.party, CommitteeBody(rawValue: c.kind) ?? .residents].map {
                    Choice(code: $0.rawValue, name: $0.chinese)
                }, posts: choices(CommitteePost.self, \.chinese)), error: error)
    }

    static func workers(_ req: Request, error: Refusal?) async throws -> View {
        var q = try req.query.decode(CommunityService.WorkerQuery.self)
        q.perPage = 20
        let service = try req.communities()
        let list = try await service.workers(q)
        let page = Page(items: list.items, total: list.total, page: list.page, perPage: list.perPage)
        return try await render(
            req, "communities/workers", "社区工作者",
            WorkersModel(
                list: list, query: q, qualifications: choices(SocialWorkQualification.self, \.chinese),
                region: service.user.region.value,
                summary: list.byStars.enumerated().map {
                    Choice(code: String($0.offset + 1), name: "\($0.offset + 1) 星 \($0.element) 人")
                }),
            pager: list.total > list.perPage
                ? Pager.make(path: Route.communityWorkers.path, filters: q.filters, result: page) : nil, error: error)
    }

    static func worker(_ req: Request, error: Refusal?) async throws -> View {
        let w = try await req.communities().worker(req.parameters.get("id", as: UUID.self))
        return try await render(
            req, "communities/worker", "社区工作者 \(w.name)",
            WorkerModel(
                w: w, outcomes: choices(WorkerEvaluation.self, \.chinese),
                levels: choices(WorkerAwardLevel.self, \.chinese),
                thisYear: req.today.year), error: error)
    }

    static func stations(_ req: Request, error: Refusal?) async throws -> View {
        let service = try req.communities()
        let coverage = try await service.coverage(
            region: try req.query.decode(CommunityAPIController.RegionQuery.self).region)
        return try await render(
            req, "communities/stations", "街道社工站",
            StationsModel(coverage: coverage, region: service.user.region.value), error: error)
    }

    static func items(_ req: Request, error: Refusal?) async throws -> View {
        let service = try req.admission()
        let canManage = service.user.role.may(.manageAdmissionList)
        let counts = canManage ? try await service.notAdmittedByDepartment() : []
        return try await render(
            req, "communities/items", "社区事务准入清单",
            ItemsModel(
                items: try await service.items(), departments: departments, canManage: canManage,
                notAdmitted: counts.map {
                    Choice(
                        code: $0.department,
                        name: (Department(rawValue: $0.department)?.shortChinese ?? $0.department) + " \($0.count) 件")
                }), error: error)
    }

    static func assignments(_ req: Request, error: Refusal?) async throws -> View {
        let service = try req.admission()
        var q = try req.query.decode(AdmissionService.AssignmentQuery.self)
        q.perPage = 20
        let page = try await service.assignments(q)
        let canSend = service.user.role.may(.assignCommunityTasks) && service.user.department != nil
        return try await render(
            req, "communities/assignments", "向社区派发的任务",
            AssignmentsModel(
                items: page.items, total: page.total, query: q, departments: departments,
                admissionItems: canSend ? try await service.items() : [], canSend: canSend,
                isCity: service.user.role.may(.manageAdmissionList)),
            pager: page.total > page.perPage
                ? Pager.make(path: Route.communityAssignments.path, filters: q.filters, result: page) : nil,
            error: error)
    }
}
