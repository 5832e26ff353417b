import NIOCore
import Vapor

/// Makes a running server read its key files again every 2 s (`DataKeyRing.reload`), so
/// that it takes up the next key when a rotation starts (`minzheng keys rotate` waits longer
/// than that before its first batch) and drops the old one when it ends.
struct DataKeyWatcher: LifecycleHandler {
    static let interval = TimeAmount.seconds(2)

    private final class Box: @unchecked Sendable { var task: RepeatedTask? }
    private let box = Box()

    func didBoot(_ app: Application) throws {
        let ring = app.platform.cipher.ring
        box.task = app.eventLoopGroup.next().scheduleRepeatedTask(initialDelay: Self.interval, delay: Self.interval) {
            _ in ring.reload()
        }
    }

    func shutdown(_ app: Application) {
        box.task?.cancel()
    }
}
