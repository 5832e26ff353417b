import Foundation
import MinzhengCore
import Vapor

// The monitoring pages' models: the overview, the task list and task, the feed upload.

extension MonitoringPageController {
    struct Count: Encodable {
        let label: String
        let count: Int
        /// The visit tasks behind the count, where the task list can filter to them.
        var link: String? = nil
    }

    /// A district's open alerts, street by street.
    struct District: Encodable {
        let name: String
        let count: Int
        /// The district's tasks, for a user over the whole district.
        let link: String?
        let streets: [Count]
    }

    struct Overview: Encodable {
        let layout: LayoutContext
        let levels: [Count]
        let rules: [Count]
        let districts: [District]
        let overdue: Int
        let trend: String
    }

    struct TaskList: Encodable {
        let layout: LayoutContext
        let query: TaskListQuery
        var picker: RegionPicker
        let levels: [Choice]
        var rows: [TaskRow] = []
        var total = 0
        var pager: Pager?
        var exportLink = ""
        var error: String?
        var errorField: String?
        /// How many overdue tasks the escalate button just sent up.
        var escalated: Int?
    }

    /// A task as the list and the export show it: names instead of codes.
    struct TaskRow: Encodable {
        let id: UUID
        let dueOn: String
        let escalated: Bool
        let level: String?
        let levelName: String
        let ruleName: String
        let evidence: String
        let regionName: String
        let region: String
        let personName: String
        let idNumberMasked: String
        let phoneMasked: String
        let address: String

        init(_ task: VisitTasks.Task, regions: RegionTable) {
            id = task.id
            personName = task.personName
            idNumberMasked = task.idNumberMasked
            phoneMasked = task.phoneMasked ?? "—"
            address = task.address
            dueOn = task.dueOn
            escalated = task.escalated
            level = task.level
            levelName = task.level.flatMap(AlertLevel.init).map(\.chinese) ?? "—"
            ruleName = task.rule.flatMap(EarlyWarningRule.init).map(\.chinese) ?? VisitTasks.kindName(task.kind)
            evidence = task.evidence ?? ""
            region = task.region
            regionName = RegionCode(task.region).map { regions.fullName(of: $0) } ?? task.region
        }

        static let csvHeader = ["期限", "超期上交街道", "级别", "线索类型", "线索", "走访对象", "身份证号（脱敏）", "联系电话（脱敏）", "地址", "区划", "区划代码"]
        var csvFields: [String] {
            [
                dueOn, escalated ? "是" : "否", levelName, ruleName, evidence, personName, idNumberMasked, phoneMasked,
                address, regionName, region,
            ]
        }
    }

    struct TaskPage: Encodable {
        let layout: LayoutContext
        let task: VisitTasks.Task
        let ruleName: String?
        let levelName: String?
        let regionName: String
        /// The whole number, for the worker to call ahead: the task is theirs to do.
        let phone: String?
        let outcomes: [Choice]
        /// The recorded outcome in words, once the visit is done.
        let outcomeName: String?
        let today: String
        /// Just saved: say so, and lead on to an application when that was the outcome.
        let saved: Bool
        let form: MonitoringAPIController.Visit
        let error: String?
        let errorField: String?
    }
}

extension FeedPageController {
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
        let error: String?
    }
}
