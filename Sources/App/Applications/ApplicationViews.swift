import Foundation
import MinzhengCore
import Vapor

struct StateCount: Encodable {
    let state: String
    let name: String
    let count: Int
}

struct ApplicationListPage: Encodable {
    let layout: LayoutContext
    let isResident: Bool
    let state: String
    let overdue: Bool
    let sort: String
    let sorts: [Choice]
    let counts: [StateCount]
    let result: Page<ApplicationSummary>
    let pager: Pager
}

/// The new-application form as posted: the item, the household (staff) and applicant,
/// and a simplified declaration of means in yuan (monthly incomes per member, the
/// household's savings, vehicles, homes and yearly medical costs).
struct NewApplicationForm: Content {
    var itemCode: String?
    var household: String?
    var personId: String?
    var requested: String?
    var financial: String?
    var vehicles: String?
    var residentialProperties: String?
    var medical: String?
    var note: String?
    /// Per member (by index in the household's member list): `wage`, `pension`, `other`
    /// in yuan a month, `supporter` ("no" when without a capable supporter), `ill`.
    var members: [MemberMeans]?

    struct MemberMeans: Content {
        var personId: String?
        var wage: String?
        var pension: String?
        var other: String?
        var supporter: String?
        var ill: String?
    }

    init(household: String? = nil) {
        self.household = household
    }

    /// The API's request, or the error naming the form field.
    func application() throws -> ApplicationService.NewApplication {
        func fen(_ text: String?, _ field: String) throws -> Int64 {
            guard let text = text?.trimmedWhitespace, !text.isEmpty else { return 0 }
            guard let value = Fen(yuanText: text) else { throw Refusal.invalid(field, "金额应为不小于 0 的数字（元）") }
            return value.value
        }
        func count(_ text: String?, _ field: String) throws -> Int {
            guard let text = text?.trimmedWhitespace, !text.isEmpty else { return 0 }
            guard let value = Int(text), value >= 0 else { throw Refusal.invalid(field, "应为不小于 0 的整数") }
            return value
        }
        var declared: [DeclaredMeans.Member] = []
        for (i, m) in (members ?? []).enumerated() {
            guard let id = m.personId else { continue }
            var incomes: [DeclaredMeans.Income] = []
            for (kind, text, field) in [
                (AssessmentRequest.IncomeKind.wage, m.wage, "wage"), (.pension, m.pension, "pension"),
                (.other, m.other, "other"),
            ] {
                let amount = try fen(text, "members[\(i)][\(field)]")
                if amount > 0 { incomes.append(.init(kind: kind, monthlyFen: amount)) }
            }
            declared.append(
                .init(
                    personId: id, incomes: incomes, seriousIllness: m.ill == "on",
                    hasCapableSupporter: m.supporter != "no"))
        }
        let means = DeclaredMeans(
            members: declared, financialFen: try fen(financial, "financial"), vehicles: try count(vehicles, "vehicles"),
            residentialProperties: try count(residentialProperties, "residentialProperties"),
            annualMedicalFen: try fen(medical, "medical"))
        return .init(
            itemCode: itemCode, householdId: household.flatMap(UUID.init(uuidString:)),
            personId: personId.flatMap(UUID.init(uuidString:)),
            means: means, requestedFen: try fen(requested, "requested"), note: note)
    }
}

/// One member's fieldset on the new-application form.
struct MemberMeansView: Encodable {
    let index: Int
    let personId: String
    let label: String
    let wage: String
    let pension: String
    let other: String
    let noSupporter: Bool
    let ill: Bool

    init(index: Int, member: HouseholdMember, form: NewApplicationForm) {
        self.index = index
        personId = member.personId.uuidString
        label = "\(member.name)（\(Relation(rawValue: member.relation)?.chinese ?? member.relation)，\(member.birthDate)）"
        let entered = form.members.flatMap { $0.indices.contains(index) ? $0[index] : nil }
        wage = entered?.wage ?? ""
        pension = entered?.pension ?? ""
        other = entered?.other ?? ""
        noSupporter = entered?.supporter == "no"
        ill = entered?.ill == "on"
    }
}

struct NewApplicationPage: Encodable {
    let layout: LayoutContext
    let isResident: Bool
    let items: [Choice]
    let household: HouseholdDetail?
    let members: [MemberMeansView]
    let form: NewApplicationForm
    let error: String?
    let errorField: String?
}

/// One step button and the fields it needs.
struct ActionView: Encodable {
    let action: String
    let name: String
    let needsNote: Bool
    let notePrompt: String
    let isInvestigation: Bool
    let needsAmount: Bool
    let today: String
    let danger: Bool

    init(_ kind: WorkflowActionKind, needsAmount: Bool, today: CivilDate) {
        action = kind.rawValue
        name = kind.chinese
        needsNote = [.reject, .returnForDocuments, .object, .resolveObjection].contains(kind)
        notePrompt =
            switch kind {
            case .reject: "不予批准的理由（申请人可见）"
            case .returnForDocuments: "需要补充的材料"
            case .object: "异议内容"
            case .resolveObjection: "异议核实结果"
            default: "意见（选填）"
            }
        isInvestigation = kind == .investigate
        self.needsAmount = kind == .approve && needsAmount
        self.today = today.description
        danger = kind == .reject || kind == .withdraw
    }
}

struct ApplicationPage: Encodable {
    let layout: LayoutContext
    let application: ApplicationRecord
    let regionName: String
    let deadline: String
    let monthly: String?
    let assessment: CalculatorResult?
    let members: [String]
    /// For staff: the household's record, the head's phone and the declaration.
    let householdLink: String?
    let contact: String?
    let declaration: DeclarationView?
    let actions: [ActionView]
    let requirements: [Choice]
    let canUpload: Bool
    let error: String?
    let errorField: String?
    var hasConflicts: Bool { !application.conflicts.isEmpty }
    var hasActions: Bool { !actions.isEmpty }
    var hasDocuments: Bool { !application.documents.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case layout, application, regionName, deadline, monthly, assessment, members, householdLink, contact,
            declaration, actions, requirements
        case canUpload, error, errorField
        case hasConflicts, hasActions, hasDocuments
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(layout, forKey: .layout)
        try c.encode(application, forKey: .application)
        try c.encode(regionName, forKey: .regionName)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(monthly, forKey: .monthly)
        try c.encode(assessment, forKey: .assessment)
        try c.encode(members, forKey: .members)
        try c.encode(householdLink, forKey: .householdLink)
        try c.encode(contact, forKey: .contact)
        try c.encode(declaration, forKey: .declaration)
        try c.encode(actions, forKey: .actions)
        try c.encode(requirements, forKey: .requirements)
        try c.encode(canUpload, forKey: .canUpload)
        try c.encode(error, forKey: .error)
        try c.encode(errorField, forKey: .errorField)
        try c.encode(hasConflicts, forKey: .hasConflicts)
        try c.encode(hasActions, forKey: .hasActions)
        try c.encode(hasDocuments, forKey: .hasDocuments)
    }
}

extension CatalogPageController {
    struct ItemView: Encodable {
        let code: String
        let name: String
        let department: String
        let subject: String
        let approval: String
        let level: String
        let documents: String
        let engine: String?
    }

    struct CatalogPage: Encodable {
        let layout: LayoutContext
        let items: [ItemView]
        let canEdit: Bool
        let levels: [Choice]
        let error: String?
        let saved: String?
    }
}
