import Foundation
import Vapor

extension Application {
    private struct ServerInstanceKey: StorageKey { typealias Value = UUID }

    /// This process among the servers on one database: the holder of a timer lease, the
    /// runner of a background job.
    var serverInstance: UUID {
        get { configured(ServerInstanceKey.self) }
        set { storage[ServerInstanceKey.self] = newValue }
    }
}
