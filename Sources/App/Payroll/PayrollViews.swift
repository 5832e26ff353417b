import Foundation
import MinzhengCore
import Vapor

// The payroll pages' models: rolls, their totals and failed lines, the benefit-change queue.

extension PayrollPageController {
    struct RollView: Encodable {
        let id: UUID
        let month: String
        let region: String
        let state: String
        let stateName: String
        let lines: Int
        let total: String
        let generatedBy: String
        let approvedBy: String?
        let version: Int

        init(_ r: PayrollStore.Roll, regions: RegionTable) {
            id = r.id
            month = r.month
            region = RegionCode(r.region).map(regions.fullName) ?? r.region
            state = r.state
            stateName = PayrollText.state(r.state)
            lines = r.lineCount
            total = Fen(r.totalFen).formatted
            generatedBy = r.generatedBy
            approvedBy = r.approvedBy
            version = r.version
        }
    }

    struct ListPage: Encodable {
        let layout: LayoutContext
        let rolls: [RollView]
        let month: String
        let error: String?
    }

    struct Total: Encodable {
        let item: String
        let district: String
        let lines: Int
        let total: String
        let totalFen: Int64
    }

    struct FailedLine: Encodable {
        let id: Int64
        let name: String
        let amount: String
        let reason: String
    }

    struct RollPage: Encodable {
        let layout: LayoutContext
        let roll: RollView
        let totals: [Total]
        let chart: String
        let failed: [FailedLine]
        /// All failed lines of the roll; the page lists the first `failedShown`.
        let failedTotal: Int
        let failedTruncated: Bool
        let canApprove: Bool
        let canExport: Bool
        let error: String?
        let reconciliation: PayrollService.Reconciliation?
    }
}

extension ReviewPageController {
    struct ReviewCard: Encodable {
        let review: EnrollmentReviewStore.Review
        let itemName: String
        let regionName: String
        let oldAmount: String
        let newAmount: String
    }

    struct QueuePage: Encodable {
        let layout: LayoutContext
        let cards: [ReviewCard]
        let total: Int
        let pager: Pager?
        let done: String?
        let error: String?
        let errorReview: UUID?
    }
}
