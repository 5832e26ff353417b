import Foundation
import MinzhengCore
import SQLKit
import Vapor

extension CharityStore {
    /// The household's region and address when it is within `scope`.
    func household(_ id: UUID, within scope: RegionScope) async throws -> (region: String, address: String)? {
        guard
            let row = try await db.raw(
                "SELECT region, address FROM households WHERE id = \(bind: id) AND \(scope.condition("region"))"
            ).first()
        else { return nil }
        return (try row.decode(column: "region", as: String.self), try row.decode(column: "address", as: String.self))
    }

    /// The household a visit task or an application is about (nil when there is no such record).
    func householdOf(visitTask id: UUID) async throws -> UUID? {
        try await db.raw("SELECT household_id FROM visit_tasks WHERE id = \(bind: id)").first()?
            .decode(column: "household_id", as: UUID.self)
    }

    func householdOf(application id: UUID) async throws -> UUID? {
        try await db.raw("SELECT household_id FROM applications WHERE id = \(bind: id)").first()?
            .decode(column: "household_id", as: UUID.self)
    }
}

/// 1798 (一起救吧) charity assistance as one signed-in user works it: street and community staff
/// (`recordCharityNeeds`, within their region) record a low-income household's unmet need — from
/// a grid visit or an application (linked), or entered by themselves — and what was given; the
/// charity clerk (`manageCharity`, district or city) matches a need to a charity project (a
/// fundraising filing) or a donor (the name sealed, masked in lists), takes a match back, or
/// closes a need unmet with the reason. The states are `CharityNeedState`.
struct CharityNeedService {
    let db: SQLDatabase
    let writer: AuditedWriter
    let clock: PlatformClock
    let cipher: FieldCipher
    let regions: RegionTable
    let user: CurrentUser

    private var store: CharityStore { CharityStore(db: db) }

    func list(_ query: CharityStore.NeedQuery, page: PageRequest) async throws -> Page<CharityNeedRecord> {
        try user.require(.recordCharityNeeds)
        return try await store.needs(within: user.scope, query, page: page, regions: regions)
    }

    func need(_ id: UUID?) async throws -> CharityNeedRecord {
        try user.require(.recordCharityNeeds)
        guard let id, let found = try await store.need(id, within: user.scope, regions: regions) else {
            throw Refusal.notFound("帮扶需求")
        }
        return found
    }

    struct Detail: Content {
        let need: CharityNeedRecord
        /// The donor's full name: for the charity clerk only.
        let donorName: String?
    }

    func detail(_ id: UUID?) async throws -> Detail {
        let found = try await need(id)
        var donor: String? = nil
        if user.role.may(.manageCharity), let sealed = try await store.donorCipher(found.id) {
            donor = try cipher.decrypt(sealed)
        }
        return Detail(need: found, donorName: donor)
    }

    struct NeedInput: Content {
        var householdId: UUID?
        var visitTaskId: UUID?
        var applicationId: UUID?
        /// `material` (物质) or `service` (服务).
        var kind: String?
        var description: String?
        var estimatedFen: Int64?
    }

    /// A need recorded for a household of the user's region (404 outside it), linked to the
    /// visit or application it came from when there is one (of the same household).
    func create(_ input: NeedInput) async throws -> CharityNeedRecord {
        try user.require(.recordCharityNeeds)
        guard let householdID = input.householdId else { throw Refusal.invalid("householdId", "请选择家庭") }
        guard let household = try await store.household(householdID, within: user.scope) else {
            throw Refusal.notFound("家庭")
        }
        var source = "staff"
        if let task = input.visitTaskId {
            guard try await store.householdOf(visitTask: task) == householdID else {
                throw Refusal.invalid("visitTaskId", "该走访任务不是本家庭的")
            }
            source = "visit"
        }
        if let application = input.applicationId {
            guard try await store.householdOf(application: application) == householdID else {
                throw Refusal.invalid("applicationId", "该救助申请不是本家庭的")
            }
            if source == "staff" { source = "application" }
        }
        guard let kind = input.kind.flatMap(CharityAidKind.init(rawValue:)) else {
            throw Refusal.invalid("kind", "需求类别应为 material（物质）或 service（服务）")
        }
        let description = try RegistryInput.check { () throws(FieldProblem) in
            try InputRules.text(input.description, field: "description", label: "需求描述", maximumLength: 500)
        }
        guard let description else { throw Refusal.invalid("description", "请填写需要什么") }
        guard let estimated = input.estimatedFen else { throw Refusal.invalid("estimatedFen", "请填写估计价值（分）") }
        _ = try RegistryInput.check { () throws(FieldProblem) in try InputRules.amount(estimated, field: "estimatedFen")
        }
        let new = CharityStore.NewNeed(
            id: UUID(), household: householdID, region: household.region, source: source, visitTask: input.visitTaskId,
            application: input.applicationId, kind: kind, description: description, estimatedFen: estimated,
            recordedBy: user.displayName, createdOn: clock.today)
        let now = clock.now
        try await writer.transaction { tx, audit in
            try await CharityStore(db: tx).insertNeed(new, at: now)
            try await audit.record(
                "charity.need.create", entity: "charityNeed", id: new.id.uuidString, region: new.region,
                after: [
                    "householdId": householdID.uuidString, "source": new.source, "kind": kind.rawValue,
                    "estimatedFen": "\(estimated)",
                ])
        }
        return try await need(new.id)
    }

    struct ActionInput: Content {
        var version: Int?
        /// match: a charity project (a filing in progress or to come) or a donor's name.
        var filingId: UUID?
        var donorName: String?
        /// give: what was given.
        var kind: String?
        var description: String?
        var valueFen: Int64?
        var givenOn: String?
        /// close: why the need is closed unmet.
        var reason: String?
    }

    /// One step of the need's state machine, by who may take it: the clerk matches, takes a match
    /// back and closes; the region's staff record what was given.
    func act(_ id: UUID?, _ action: CharityNeedState.Action, _ input: ActionInput) async throws -> CharityNeedRecord {
        switch action {
        case .give: try user.require(.recordCharityNeeds)
        case .match, .unmatch, .close: try user.require(.manageCharity)
        }
        let found = try await need(id)
        let from = CharityNeedState(rawValue: found.status) ?? .closed
        let to = try from.checked(action)
        let version = try RatingService.version(.init(version: input.version), current: found.version)
        let today = clock.today
        var set: [(String, (any Encodable & Sendable)?)] = []
        var details: [String: String] = ["from": from.rawValue, "to": to.rawValue]
        switch action {
        case .match:
            if let filingID = input.filingId {
                guard input.donorName == nil else { throw Refusal.invalid("donorName", "慈善项目与捐赠人只能选一个") }
                guard let filing = try await store.filing(filingID) else {
                    throw Refusal.invalid("filingId", "没有该募捐方案")
                }
                guard let end = CivilDate(filing.endsOn), end >= today else {
                    throw Refusal.invalid("filingId", "该募捐方案已于 \(filing.endsOn) 结束")
                }
                set = [("filing_id", filingID), ("donor_cipher", nil), ("donor_masked", nil)]
                details["filingId"] = filingID.uuidString
            } else {
                let donor = try RegistryInput.check { () throws(FieldProblem) in
                    try InputRules.line(input.donorName, field: "donorName", label: "捐赠人", maximumLength: 100)
                }
                guard let donor else { throw Refusal.invalid("filingId", "请选择慈善项目或填写捐赠人") }
                let masked = ChildCaseRules.maskedName(donor)
                set = [("filing_id", nil), ("donor_cipher", cipher.encrypt(donor)), ("donor_masked", masked)]
                details["donor"] = masked
            }
            set.append(("matched_on", today.description))
        case .unmatch:
            set = [("filing_id", nil), ("donor_cipher", nil), ("donor_masked", nil), ("matched_on", nil)]
        case .give:
            guard let kind = input.kind.flatMap(CharityAidKind.init(rawValue:)) else {
                throw Refusal.invalid("kind", "帮扶类别应为 material（物质）或 service（服务）")
            }
            let description = try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.text(input.description, field: "description", label: "帮扶内容", maximumLength: 500)
            }
            guard let description else { throw Refusal.invalid("description", "请填写给予了什么") }
            guard let value = input.valueFen else { throw Refusal.invalid("valueFen", "请填写价值（分）") }
            _ = try RegistryInput.check { () throws(FieldProblem) in try InputRules.amount(value, field: "valueFen") }
            var on = today
            if let text = input.givenOn?.trimmedWhitespace, !text.isEmpty {
                guard let day = CivilDate(text), day <= today, day >= (CivilDate(found.createdOn) ?? day) else {
                    throw Refusal.invalid("givenOn", "帮扶日期应为需求登记日（\(found.createdOn)）至今天之间的 YYYY-MM-DD")
                }
                on = day
            }
            set = [
                ("given_kind", kind.rawValue), ("given_description", description), ("given_fen", value),
                ("given_on", on.description),
            ]
            details["valueFen"] = "\(value)"
            details["givenOn"] = on.description
        case .close:
            let reason = try RegistryInput.check { () throws(FieldProblem) in
                try InputRules.text(input.reason, field: "reason", label: "关闭原因")
            }
            guard let reason else { throw Refusal.invalid("reason", "请填写未帮扶关闭的原因") }
            set = [("closed_reason", reason), ("closed_on", today.description)]
        }
        let frozen = set
        let frozenDetails = details
        try await writer.transaction { tx, audit in
            guard try await CharityStore(db: tx).step(found.id, version: version, from: from, to: to, set: frozen)
            else {
                throw Refusal.staleVersion(current: version + 1)
            }
            try await audit.record(
                "charity.need.\(action.rawValue)", entity: "charityNeed", id: found.id.uuidString, region: found.region,
                after: frozenDetails)
        }
        return try await need(found.id)
    }

    struct HouseholdAssistance: Content {
        let householdId: UUID
        let needs: [CharityNeedRecord]
        let givenFen: Int64
        let given: String
    }

    /// The household's 1798 record: its needs and what was given (staff who see the household).
    func household(_ id: UUID?) async throws -> HouseholdAssistance {
        guard user.role.may(.viewRegistry) || user.role.may(.recordCharityNeeds) else {
            throw Refusal(.forbidden, "您的角色（\(user.role.chinese)）无权查看家庭档案")
        }
        guard let id, try await store.household(id, within: user.scope) != nil else { throw Refusal.notFound("家庭") }
        let needs = try await store.needs(household: id, regions: regions)
        let given = needs.reduce(Int64(0)) {
            $0 + ($1.status == CharityNeedState.given.rawValue ? $1.givenFen ?? 0 : 0)
        }
        return HouseholdAssistance(householdId: id, needs: needs, givenFen: given, given: Fen(given).formatted)
    }

    struct Totals: Content {
        let year: Int?
        let rows: [CharityStore.GivenTotal]
        let givenFen: Int64
        let given: String
    }

    /// What was given in the region, by month and district.
    func totals(year: Int?) async throws -> Totals {
        try user.require(.recordCharityNeeds)
        let rows = try await store.givenTotals(within: user.scope, year: year, regions: regions)
        let total = rows.reduce(Int64(0)) { $0 + $1.givenFen }
        return Totals(year: year, rows: rows, givenFen: total, given: Fen(total).formatted)
    }
}

extension Request {
    func charityNeeds() throws -> CharityNeedService {
        CharityNeedService(
            db: sql, writer: writer, clock: platform.clock, cipher: platform.cipher, regions: platform.regions,
            user: try user)
    }
}
