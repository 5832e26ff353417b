import Foundation
import MinzhengCore
import Vapor

/// `GET|POST /api/v1/rehab-stations` (`?month=YYYY-MM`: the stations of one's region with the
/// month's counts, the totals and the targets; a new station as `RehabService.NewStation`),
/// `GET /api/v1/rehab-stations/{id}`, `PUT /api/v1/rehab-stations/{id}/equipment` (`{present, version}`),
/// `GET|POST /api/v1/rehab-stations/{id}/patients` (`?left=1`; an enrolment), `POST /api/v1/rehab-stations/{id}/attendance`
/// (`{day, patientIds}`), `GET /api/v1/rehab-patients/{id}` (audited), `POST /api/v1/rehab-patients/{id}/services|leaving`.
struct RehabAPIController: RouteCollection {
    struct MonthQuery: Content {
        var month: String?
    }

    struct PatientsQuery: Content {
        var left: Int?
    }

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.API.rehabStations.pattern) { req async throws -> RehabOverview in
            let rehab = try req.rehab()
            return try await rehab.overview(month: try rehab.month(try req.query.decode(MonthQuery.self).month))
        }
        routes.post(Route.API.rehabStations.pattern) { req async throws -> Response in
            try await req.rehab().createStation(try req.content.decode(RehabService.NewStation.self))
                .encodeResponse(status: .created, for: req)
        }
        routes.get(Route.API.rehabStation.pattern) { req async throws -> RehabStationDetail in
            let rehab = try req.rehab()
            return try await rehab.stationDetail(
                req.parameters.get("id", as: UUID.self),
                month: try rehab.month(try req.query.decode(MonthQuery.self).month))
        }
        routes.put(Route.API.rehabStationEquipment.pattern) { req async throws -> RehabStationDetail in
            try await req.rehab().saveEquipment(
                req.parameters.get("id", as: UUID.self), try req.content.decode(RehabService.Equipment.self))
        }
        routes.get(Route.API.rehabStationPatients.pattern) { req async throws -> [RehabPatientSummary] in
            try await req.rehab().patients(
                station: req.parameters.get("id", as: UUID.self),
                left: try req.query.decode(PatientsQuery.self).left == 1)
        }
        routes.post(Route.API.rehabStationPatients.pattern) { req async throws -> Response in
            try await req.rehab().enrol(
                station: req.parameters.get("id", as: UUID.self), try req.content.decode(RehabService.Enrolment.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.rehabStationAttendance.pattern) { req async throws -> RehabAttendanceResult in
            try await req.rehab().recordAttendance(
                station: req.parameters.get("id", as: UUID.self), try req.content.decode(RehabService.Attendance.self))
        }
        routes.get(Route.API.rehabPatient.pattern) { req async throws -> RehabPatientRecord in
            try await req.rehab().open(req.parameters.get("id", as: UUID.self))
        }
        routes.post(Route.API.rehabPatientServices.pattern) { req async throws -> Response in
            try await req.rehab().recordService(
                req.parameters.get("id", as: UUID.self), try req.content.decode(RehabService.Service.self)
            ).encodeResponse(status: .created, for: req)
        }
        routes.post(Route.API.rehabPatientLeaving.pattern) { req async throws -> RehabPatientRecord in
            try await req.rehab().leave(
                req.parameters.get("id", as: UUID.self), try req.content.decode(RehabService.Leaving.self))
        }
    }
}

/// 德康驿站 (`/rehab-stations`): the month's counts against the targets and the form of a new
/// station; `/rehab-stations/{id}`: the checklist, and for the station's staff the patients, the
/// enrolment form and the day's roll call; `/rehab-patients/{id}`: the record, services, leaving.
struct RehabPageController: RouteCollection {
    struct ListPage: Encodable {
        let layout: LayoutContext
        let o: RehabOverview
        let previousMonth: String
        let nextMonth: String
        let equipment: [ChildCaseDetail.Choice]
        let operatorKinds: [ChildCaseDetail.Choice]
        let streets: [ChildCaseDetail.Choice]
        let today: String
        let error: String?
        let errorField: String?
    }

    struct StationPage: Encodable {
        struct RollCall: Encodable {
            let id: UUID
            let name: String
            let present: Bool
        }
        let layout: LayoutContext
        let s: RehabStationDetail
        let rollCall: [RollCall]
        let day: String
        let today: String
        let done: String?
        let error: String?
        let errorField: String?
    }

    struct PatientPage: Encodable {
        let layout: LayoutContext
        let p: RehabPatientRecord
        let parties: [ChildCaseDetail.Choice]
        let kinds: [ChildCaseDetail.Choice]
        let reasons: [ChildCaseDetail.Choice]
        let today: String
        let done: String?
        let error: String?
        let errorField: String?
    }

    struct EquipmentForm: Content {
        var equipment: [String]?
        var version: Int?
    }

    struct AttendanceForm: Content {
        var day: String?
        var patientIds: [UUID]?
    }

    /// What a redirect's `done=` says on the page.
    static let notices = [
        "created": "驿站已登记。", "equipment": "设备清单已更新。", "attendance": "到站已登记。", "enrolled": "已入站。",
        "service": "服务已记录。", "left": "已离站。",
    ]

    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.rehabStations.pattern) { req async throws -> View in try await Self.renderList(req, error: nil)
        }
        routes.post(Route.rehabStations.pattern) { req async throws -> Response in
            do {
                let created = try await req.rehab().createStation(try req.content.decode(RehabService.NewStation.self))
                return req.redirect(to: Route.rehabStation.path(created.station.id) + "?done=created")
            } catch let error as Refusal where error.kind != .notFound {
                return try await Self.renderList(req, error: error).encodeResponse(status: error.status, for: req)
            }
        }
        routes.get(Route.rehabStation.pattern) { req async throws -> View in
            try await Self.renderStation(req, error: nil)
        }
        routes.post(Route.rehabStationEquipment.pattern) { req async throws -> Response in
            try await Self.onStation(req, done: "equipment") { rehab, id in
                let form = try req.content.decode(EquipmentForm.self)
                let saved = try await rehab.saveEquipment(
                    id, RehabService.Equipment(present: form.equipment, version: form.version))
                return Route.rehabStation.path(saved.station.id)
            }
        }
        routes.post(Route.rehabStationPatients.pattern) { req async throws -> Response in
            try await Self.onStation(req, done: nil) { rehab, id in
                let record = try await rehab.enrol(station: id, try req.content.decode(RehabService.Enrolment.self))
                return Route.rehabPatient.path(record.id) + "?done=enrolled"
            }
        }
        routes.post(Route.rehabStationAttendance.pattern) { req async throws -> Response in
            try await Self.onStation(req, done: nil) { rehab, id in
                let form = try req.content.decode(AttendanceForm.self)
                let result = try await rehab.recordAttendance(
                    station: id, RehabService.Attendance(day: form.day, patientIds: form.patientIds))
                return Route.rehabStation.path(id ?? UUID()) + "?day=\(result.day)&done=attendance"
            }
        }
        routes.get(Route.rehabPatient.pattern) { req async throws -> View in
            let rehab = try req.rehab()
            return try await Self.renderPatient(
                req, rehab, try await rehab.open(req.parameters.get("id", as: UUID.self)), error: nil)
        }
        routes.post(Route.rehabPatientServices.pattern) { req async throws -> Response in
            try await Self.onPatient(req, done: "service") { rehab, id in
                _ = try await rehab.recordService(id, try req.content.decode(RehabService.Service.self))
            }
        }
        routes.post(Route.rehabPatientLeaving.pattern) { req async throws -> Response in
            try await Self.onPatient(req, done: "left") { rehab, id in
                _ = try await rehab.leave(id, try req.content.decode(RehabService.Leaving.self))
            }
        }
    }

    /// A step on a station's page: redirect where the step says, or the page again with the refusal.
    static func onStation(
        _ req: Request, done: String?, _ step: (RehabService, UUID?) async throws -> String
    ) async throws -> Response {
        let rehab = try req.rehab()
        let id = req.parameters.get("id", as: UUID.self)
        do {
            let to = try await step(rehab, id)
            return req.redirect(to: done.map { to + "?done=\($0)" } ?? to)
        } catch let error as Refusal where error.kind != .notFound {
            return try await renderStation(req, error: error).encodeResponse(status: error.status, for: req)
        }
    }

    static func onPatient(
        _ req: Request, done: String, _ step: (RehabService, UUID?) async throws -> Void
    ) async throws -> Response {
        let rehab = try req.rehab()
        let id = req.parameters.get("id", as: UUID.self)
        do {
            try await step(rehab, id)
            return req.redirect(to: Route.rehabPatient.path(id ?? UUID()) + "?done=\(done)")
        } catch let error as Refusal where error.kind != .notFound {
            let record = try await rehab.open(id)
            return try await renderPatient(req, rehab, record, error: error).encodeResponse(
                status: error.status, for: req)
        }
    }

    static func choices<T: RawRepresentable<String>>(_ all: [T], _ name: (T) -> String) -> [ChildCaseDetail.Choice] {
        all.map { ChildCaseDetail.Choice(code: $0.rawValue, name: name($0)) }
    }

    static func renderList(_ req: Request, error: Refusal?) async throws -> View {
        let rehab = try req.rehab()
        let month = (try? rehab.month(req.query[String.self, at: "month"])) ?? req.today.yearMonth
        let overview = try await rehab.overview(month: month)
        let regions = req.platform.regions
        let streets =
            overview.managesStations
            ? regions.streets(under: rehab.user.region).map {
                ChildCaseDetail.Choice(code: $0.value, name: regions.fullName(of: $0))
            } : []
        return try await req.view.render(
            "rehab/list",
            ListPage(
                layout: LayoutContext(request: req, title: "德康驿站", user: rehab.user), o: overview,
                previousMonth: month.adding(months: -1).description, nextMonth: month.adding(months: 1).description,
                equipment: choices(RehabEquipment.allCases, \.chinese),
                operatorKinds: choices(RehabOperatorKind.allCases, \.chinese), streets: streets,
                today: req.today.description, error: error?.message, errorField: error?.field))
    }

    static func renderStation(_ req: Request, error: Refusal?) async throws -> View {
        let rehab = try req.rehab()
        let month = (try? rehab.month(req.query[String.self, at: "month"])) ?? req.today.yearMonth
        let detail = try await rehab.stationDetail(req.parameters.get("id", as: UUID.self), month: month)
        let day = req.query[String.self, at: "day"].flatMap(CivilDate.init) ?? req.today
        var rollCall: [StationPage.RollCall] = []
        if let patients = detail.patients {
            let present = try await rehab.present(station: detail.station.id, day: day)
            rollCall = patients.map { StationPage.RollCall(id: $0.id, name: $0.name, present: present.contains($0.id)) }
        }
        return try await req.view.render(
            "rehab/station",
            StationPage(
                layout: LayoutContext(request: req, title: detail.station.name, user: rehab.user), s: detail,
                rollCall: rollCall, day: day.description, today: req.today.description,
                done: req.query[String.self, at: "done"].flatMap { notices[$0] }, error: error?.message,
                errorField: error?.field))
    }

    static func renderPatient(
        _ req: Request, _ rehab: RehabService, _ record: RehabPatientRecord, error: Refusal?
    ) async throws -> View {
        try await req.view.render(
            "rehab/patient",
            PatientPage(
                layout: LayoutContext(request: req, title: "德康驿站患者档案", user: rehab.user), p: record,
                parties: choices(RehabParty.allCases, \.chinese), kinds: choices(RehabServiceKind.allCases, \.chinese),
                reasons: choices(RehabLeaveReason.allCases, \.chinese), today: req.today.description,
                done: req.query[String.self, at: "done"].flatMap { notices[$0] }, error: error?.message,
                errorField: error?.field))
    }
}

enum RehabRoutes {
    static func register(api: RoutesBuilder, signedIn: RoutesBuilder) throws {
        try api.register(collection: RehabAPIController())
        try signedIn.register(collection: RehabPageController())
    }
}
