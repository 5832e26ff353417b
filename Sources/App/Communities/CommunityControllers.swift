import Foundation
import MinzhengCore
import Vapor

/// `/api/v1/community-committees` (`GET ?community=&page=`, `POST {community, kind, termStart, termEnd?,
/// electedOn}`), `GET /api/v1/community-committees/{id}`, `POST …/{id}/members` (`{personId | name +
/// idNumber, body, post}`), `POST /api/v1/committee-members/{id}/trainings` (`{course, trainedOn,
/// hours}`), `GET /api/v1/committee-members/untrained`; `GET|POST /api/v1/community-workers`,
/// `GET /api/v1/community-workers/{id}`, `POST …/{id}/evaluations` (`{year, outcome}`), `POST
/// …/{id}/awards` (`{level, title, awardedOn}`); `GET|POST /api/v1/social-work-stations`, `GET
/// …/coverage?region=`; `GET|POST /api/v1/admission-items`, `POST …/{id}/withdraw`; `GET|POST
/// /api/v1/community-assignments`; `GET /api/v1/community-tasks`.
struct CommunityAPIController: RouteCollection {
    struct CommitteeQuery: Content {
        var community: String?
        var page: Int?
        var perPage: Int?
    }

    struct PageQuery: Content {
        var page: Int?
        var perPage: Int?
    }

    struct RegionQuery: Content {
        var region: String?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.communityCommittees.pattern) { req async throws -> Page<CommitteeRecord> in
            let q = try req.query.decode(CommitteeQuery.self)
            return try await req.communities().committees(
                community: q.community, page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.post(Route.API.communityCommittees.pattern) { req async throws -> Response in
            try await req.communities().createCommittee(try req.content.decode(CommunityService.NewCommittee.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.communityCommittee.pattern) { req async throws -> CommitteeRecord in
            try await req.communities().committee(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.communityCommitteeMembers.pattern) { req async throws -> Response in
            try await req.communities().addMember(
                committee: req.parameters.get("id", as: UUID.self),
                try req.content.decode(CommunityService.NewMember.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.committeeMemberTrainings.pattern) { req async throws -> Response in
            try await req.communities().addTraining(
                member: req.parameters.get("id", as: UUID.self),
                try req.content.decode(CommunityService.NewTraining.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.committeeUntrained.pattern) { req async throws -> Page<CommitteeMemberRecord> in
            let q = try req.query.decode(PageQuery.self)
            return try await req.communities().untrainedNewMembers(
                page: try PageRequest(page: q.page, perPage: q.perPage))
        }
        routes.get(Route.API.communityWorkers.pattern) { req async throws -> CommunityService.WorkerList in
            try await req.communities().workers(try req.query.decode(CommunityService.WorkerQuery.self))
        }
        routes.post(Route.API.communityWorkers.pattern) { req async throws -> Response in
            try await req.communities().createWorker(try req.content.decode(CommunityService.NewWorker.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.communityWorker.pattern) { req async throws -> WorkerRecord in
            try await req.communities().worker(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.communityWorkerEvaluations.pattern) { req async throws -> Response in
            try await req.communities().evaluate(
                worker: req.parameters.get("id", as: UUID.self),
                try req.content.decode(CommunityService.NewEvaluation.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.communityWorkerAwards.pattern) { req async throws -> Response in
            try await req.communities().award(
                worker: req.parameters.get("id", as: UUID.self), try req.content.decode(CommunityService.NewAward.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.socialWorkStations.pattern) { req async throws -> CommunityService.Coverage in
            try await req.communities().coverage(region: try req.query.decode(RegionQuery.self).region)
        }
        routes.get(Route.API.socialWorkCoverage.pattern) { req async throws -> CommunityService.Coverage in
            try await req.communities().coverage(region: try req.query.decode(RegionQuery.self).region)
        }
        routes.post(Route.API.socialWorkStations.pattern) { req async throws -> Response in
            try await req.communities().createStation(try req.content.decode(CommunityService.NewStation.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.admissionItems.pattern) { req async throws -> [AdmissionItemRecord] in
            try await req.admission().items()
        }
        routes.post(Route.API.admissionItems.pattern) { req async throws -> Response in
            try await req.admission().addItem(try req.content.decode(AdmissionService.NewItem.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.admissionItemWithdrawal.pattern) { req async throws -> AdmissionItemRecord in
            try await req.admission().withdrawItem(req.parameters.get("id", as: UUID.self))
        }
        routes.get(Route.API.communityAssignments.pattern) { req async throws -> Page<AssignmentRecord> in
            try await req.admission().assignments(try req.query.decode(AdmissionService.AssignmentQuery.self))
        }
        routes.post(Route.API.communityAssignments.pattern) { req async throws -> Response in
            try await req.admission().send(try req.content.decode(AdmissionService.NewAssignment.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.communityTasks.pattern) { req async throws -> Page<AssignmentRecord> in
            try await req.admission().tasks(try req.query.decode(AdmissionService.AssignmentQuery.self))
        }
    }
}

enum CommunityRoutes {
    static func register(api: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: CommunityAPIController())
        try signedIn.register(collection: CommunityPageController())
    }
}
