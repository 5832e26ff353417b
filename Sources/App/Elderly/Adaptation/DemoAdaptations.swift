import Foundation
import MinzhengCore
import SQLKit

/// Home adaptations on a fresh `serve`: the city is screened for the year and the first
/// cases of the queue are taken along the way, some to payment, so that every step shows.
struct DemoAdaptations {
    let service: AdaptationService

    /// The demo's officer: the city, so that screening reaches every district.
    static let officer = CurrentUser(
        id: UUID(uuidString: "00000000-0000-0000-0000-00000000d3a0")!, username: "demo", displayName: "演示数据",
        role: .cityAdmin, region: RegionTable.changzhou, department: nil)

    /// A real 1×1 green PNG (the upload is checked by its content), standing for the contractor's photo.
    static let photo = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00,
        0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C,
        0x49,
        0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xB0, 0xD9, 0x62, 0x03, 0x00, 0x02, 0x5C, 0x01, 0x2D, 0xD9, 0xC7, 0x3D,
        0x46,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ])

    func seed(today: CivilDate) async throws -> Int {
        let officer = Self.officer
        let added = try await service.screen(year: today.year, by: officer)
        let queue = try await AdaptationStore(db: service.db).cases(
            within: officer.scope, matching: .init(year: today.year), page: try PageRequest(page: 1, perPage: 40)
        ).items
        // How far each of the first cases goes: 40 assessed, 28 planned … 3 paid.
        let steps: [(AdaptationState.Action, AdaptationService.Step, Int)] = [
            (.assess, .init(assessedOn: today.description, assessor: "社区评估员", assessment: "卫生间无扶手，夜间照明不足"), 40),
            (.plan, .init(items: ["grabBar": 2, "nightLight": 2, "antiSlipFloor": 1]), 28),
            (.contract, .init(contractor: "常州安居适老化工程有限公司"), 18),
            (.complete, .init(completedOn: today.description, note: "扶手、夜灯、防滑地面已安装"), 10),
            (.accept, .init(acceptedOn: today.description, acceptedBy: "常州市建设工程质量检测中心", satisfaction: 5), 6),
            (.pay, .init(paidOn: today.description), 3),
        ]
        for (position, found) in queue.enumerated() {
            for (index, (action, step, count)) in steps.enumerated() where position < count {
                if action == .complete {
                    _ = try await service.addPhoto(
                        to: found.id, fileName: "完工照片.png", bytes: Self.photo, by: officer)
                }
                var step = step
                step.version = found.version + index
                _ = try await service.act(action, on: found.id, step, by: officer)
            }
        }
        return added
    }
}
