import Foundation
import MinzhengCore
import Vapor

/// Page models of the ability assessment.
enum AbilityViews {
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct ItemField: Encodable {
        let key: String
        let label: String
        let maximum: Int
        let options: [Option]
        let invalid: Bool
    }

    struct IndicatorGroup: Encodable {
        let name: String
        let maximum: Int
        let items: [ItemField]
    }

    /// What the form holds, as typed (strings, so that a refused form comes back as it was).
    struct Form: Encodable {
        var assessedOn: String
        var reason: String
        var assessor1: String
        var assessor2: String
        var coma: Bool
        var diagnoses: String
        var riskEvents30Days: String
        var items: [String: String]
    }

    struct FormPage: Encodable {
        let layout: LayoutContext
        let personId: UUID
        let personName: String
        let groups: [IndicatorGroup]
        let reasons: [Option]
        let form: Form
        let error: String?
        let errorField: String?
        let diagnosesInvalid: Bool
    }

    static func formPage(
        req: Request, user: CurrentUser, person: PersonDetail, form: Form, error: Refusal?
    ) -> FormPage {
        FormPage(
            layout: LayoutContext(request: req, title: "老年人能力评估 · \(person.name)", user: user),
            personId: person.id, personName: person.name,
            groups: AbilityIndicator.allCases.map { indicator in
                IndicatorGroup(
                    name: indicator.chinese, maximum: indicator.maximum,
                    items: indicator.items.map { item in
                        let chosen = form.items[item.rawValue] ?? ""
                        return ItemField(
                            key: item.rawValue, label: item.chinese, maximum: item.maximum,
                            options: [Option(value: "", label: "请选择", selected: chosen.isEmpty)]
                                + item.range.reversed().map { score in
                                    Option(
                                        value: String(score),
                                        label: item.meaning(of: score).map { "\(score) 分 · \($0)" } ?? "\(score) 分",
                                        selected: chosen == String(score))
                                },
                            invalid: error?.field == "items.\(item.rawValue)")
                    })
            },
            reasons: AbilityAssessmentReason.allCases.map {
                Option(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == form.reason)
            },
            form: form, error: error?.message, errorField: error?.field,
            diagnosesInvalid: error?.field?.hasPrefix("diagnoses") ?? false)
    }

    /// The form as posted, read into a draft; a field that is not a number is refused by name.
    static func draft(from form: Form) throws(Refusal) -> AbilityAssessmentDraft {
        guard let date = CivilDate(form.assessedOn.trimmingCharacters(in: .whitespaces)) else {
            throw .invalid("assessedOn", "评估日期应为 YYYY-MM-DD")
        }
        guard let reason = AbilityAssessmentReason(rawValue: form.reason) else {
            throw .invalid("reason", "请选择评估原因")
        }
        var scores: [AbilityItem: Int] = [:]
        for item in AbilityItem.allCases {
            let text = form.items[item.rawValue] ?? ""
            if text.isEmpty { continue }  // Core names the missing item.
            guard let score = Int(text) else { throw .invalid("items.\(item.rawValue)", "“\(item.chinese)”请选择得分") }
            scores[item] = score
        }
        let risk = form.riskEvents30Days.trimmingCharacters(in: .whitespaces)
        guard let events = risk.isEmpty ? 0 : Int(risk) else {
            throw .invalid("riskEvents30Days", "风险事件次数应为整数")
        }
        let diagnoses = form.diagnoses.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " || $0 == "、" })
            .map(String.init)
        return AbilityAssessmentDraft(
            assessedOn: date, reason: reason, assessors: [form.assessor1, form.assessor2],
            answers: AbilityAnswers(scores: scores, coma: form.coma, diagnoses: diagnoses, riskEvents30Days: events))
    }

    struct IndicatorRow: Encodable {
        let name: String
        let score: Int
        let maximum: Int
    }

    struct ItemRow: Encodable {
        let indicator: String
        let label: String
        let score: Int
        let maximum: Int
    }

    struct ResultPage: Encodable {
        let layout: LayoutContext
        let personId: UUID
        let personName: String
        let record: AbilityAssessmentRecord
        let assessorNames: String
        let indicators: [IndicatorRow]
        let items: [ItemRow]
        let preliminaryLevelName: String
        /// The change applied, in words, or 无.
        let changeText: String
        let selfCareName: String
        let coma: Bool
        let diagnoses: String
        let riskEvents30Days: Int
        let notice: String?
    }

    static func resultPage(
        req: Request, user: CurrentUser, person: PersonDetail, record: AbilityAssessmentRecord,
        parameters: PolicyParameters?
    ) -> ResultPage {
        let scores = record.answers?.items ?? [:]
        return ResultPage(
            layout: LayoutContext(request: req, title: "能力评估结果 · \(person.name)", user: user),
            personId: person.id, personName: person.name, record: record,
            assessorNames: record.assessors.joined(separator: "、"),
            indicators: AbilityIndicator.allCases.map {
                IndicatorRow(name: $0.chinese, score: record.indicators[$0.rawValue] ?? 0, maximum: $0.maximum)
            },
            items: AbilityItem.allCases.map {
                ItemRow(
                    indicator: $0.indicator.chinese, label: $0.chinese, score: scores[$0.rawValue] ?? 0,
                    maximum: $0.maximum)
            },
            preliminaryLevelName: AbilityLevel(rawValue: record.preliminaryLevel)?.chinese ?? "",
            changeText: record.changes.isEmpty
                ? "无" : record.changes.compactMap { AbilityChange(rawValue: $0)?.chinese }.joined(separator: "；"),
            selfCareName: parameters.flatMap { p in AbilityLevel(rawValue: record.finalLevel)?.selfCare(p).chinese }
                ?? "",
            coma: record.answers?.coma ?? false, diagnoses: record.answers?.diagnoses.joined(separator: "、") ?? "",
            riskEvents30Days: record.answers?.riskEvents30Days ?? 0,
            notice: req.query[String.self, at: "saved"] == "1" ? "评估已保存，人员自理能力已按最终等级更新" : nil)
    }

    /// The section on the person's page: the latest assessment, and the way to record one.
    struct PersonSection: Encodable {
        /// Shown for older persons (the `elderlyAge` parameter) and anyone already assessed.
        let visible: Bool
        let personId: UUID
        let latest: AbilityAssessmentRecord?
        let canRecord: Bool
        let due: Bool
    }

    static func personSection(req: Request, user: CurrentUser, person: PersonDetail) async throws -> PersonSection {
        let latest = try await AbilityAssessmentStore(db: req.sql, cipher: req.platform.cipher).assessments(
            person: person.id, withAnswers: false
        ).first
        let today = req.today
        let elderly =
            try await CivilDate(person.birthDate).asyncMap { born in
                let p = try await req.policy.history().parameters(for: person.region, month: today.yearMonth)
                return born.age(on: today) >= p.elderlyAge
            } ?? false
        return PersonSection(
            visible: latest != nil || elderly, personId: person.id, latest: latest,
            canRecord: user.role.may(.assessAbility) && person.deceasedOn == nil,
            due: latest.map { $0.nextDueOn <= AbilityReassessment.horizon(today: req.today).description } ?? false)
    }

    struct DueRow: Encodable {
        let row: AbilityDueRow
        let regionName: String
        let levelName: String
    }

    struct DuePage: Encodable {
        let layout: LayoutContext
        let rows: [DueRow]
        let horizon: String
        let horizonDays: Int
    }
}
