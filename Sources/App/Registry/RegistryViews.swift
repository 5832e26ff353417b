import Foundation
import MinzhengCore
import Vapor

// The registry's page models: what the Leaf templates of `registry/` and `home` show.

extension RegistryPageController {
    struct HomePage: Encodable {
        let layout: LayoutContext
        let householdCount: Int
        let personCount: Int
        /// Open applications of the user's queue, per step.
        let applications: [StateCount]
        /// Open visit tasks and how many are overdue, for those who visit.
        let visits: VisitCount?
        /// Benefit changes waiting for the street's decision, for those who decide.
        let reviews: Int?
    }

    struct VisitCount: Encodable {
        let open: Int
        let overdue: Int
    }

    struct HouseholdListPage: Encodable {
        let layout: LayoutContext
        var picker: RegionPicker
        let address: String
        let sort: String
        let sorts: [Choice]
        var result = Page<HouseholdSummary>(items: [], total: 0, page: 1, perPage: 20)
        var pager: Pager?
        var exportLink: String?
        var error: String?
        var errorField: String?
    }

    struct HouseholdPage: Encodable {
        let layout: LayoutContext
        let household: HouseholdDetail
        let picker: RegionPicker
        let relations: [Choice]
        let hukous: [Choice]
        /// What the forms show: the stored values, or what was typed when it was refused.
        let edit: HouseholdForm
        let member: HouseholdMembersPageController.MemberForm
        let moveIn: HouseholdMembersPageController.MoveInForm
        let error: String?
        let errorField: String?
        /// The form the error belongs to: "edit", "member" or "moveIn".
        let errorForm: String?
        let notice: String?
        /// The household's 1798 charity assistance (needs and what was given), for staff who
        /// record needs; nil for others.
        var charity: [CharityNeedRecord]? = nil
        var charityGiven: String? = nil
    }

    struct NewHouseholdPage: Encodable {
        let layout: LayoutContext
        let form: HouseholdForm
        let picker: RegionPicker
        let relations: [Choice]
        let hukous: [Choice]
        let error: String?
        let errorField: String?
    }

    struct PersonListPage: Encodable {
        let layout: LayoutContext
        /// What the search forms show: as typed, also when refused.
        let form: PersonSearchForm
        var picker: RegionPicker
        let sorts: [Choice]
        var result = Page<PersonSummary>(items: [], total: 0, page: 1, perPage: 20)
        var pager: Pager?
        var exportLink: String?
        var error: String?
        var errorField: String?
    }

    struct HouseholdPrintPage: Encodable {
        let title: String
        let household: HouseholdDetail
        let printedOn: String
        let printedBy: String
    }

    struct PersonEditPage: Encodable {
        let layout: LayoutContext
        let personId: UUID
        let form: PersonForm
        let hukous: [Choice]
        let disabilityKinds: [Choice]
        let selfCares: [Choice]
        let laborCapacities: [Choice]
        let error: String?
        let errorField: String?
    }
}

extension PersonPageController {
    struct PersonPage: Encodable {
        let layout: LayoutContext
        let person: PersonDetail
        let regionName: String
        let history: [HistoryRow]
        let file: PersonFile
        let canReveal: Bool
        let sexName: String
        let hukouName: String
        let disabilityKindName: String?
        let selfCareName: String
        let laborCapacityName: String
        /// The latest ability assessment (老年人能力评估) and the way to record one.
        let ability: AbilityViews.PersonSection
        /// Just saved: say so.
        let notice: String?
    }

    /// A past or present membership, with its region's name.
    struct HistoryRow: Encodable {
        let householdId: UUID
        let address: String
        let regionName: String
        let relation: String
        let joinedAt: Date
        let leftAt: Date?
    }
}
