import Dispatch
import Foundation
import NIOConcurrencyHelpers

/// Folds a bulk job's committed WAL frames into the database file on a connection and thread
/// of its own, while the job goes on writing. The job's connection never checkpoints (that
/// would stall its writes); left to `close()`, the one checkpoint of a million-row import
/// took 2.3 s at the end of a 19 s job, with the second core idle. A PASSIVE checkpoint
/// takes no lock a writer needs: it copies what is committed and stops at what is not.
///
/// SQLite starts the WAL over only when a writer's transaction begins after everything in it
/// was copied; a job that begins its next transaction as soon as it commits is always ahead
/// of the checkpoint, so the WAL grew by every commit (34 GB at a fifth of a 5 M-person seed,
/// which then stopped on a full disk). So past `walLimit` bytes the job waits at its commit
/// for a checkpoint of all it committed (`settle`), and its next transaction starts the WAL
/// over: the WAL stays about `walLimit` and one commit window long.
final class BackgroundCheckpointer: @unchecked Sendable {
    private let connection: RawSQLiteConnection
    private let walPath: String
    private let walLimit: Int
    private let queue = DispatchQueue(label: "minzheng.sqlite-checkpoint")
    /// Whether a checkpoint is queued or running.
    private let busy = NIOLockedValueBox(false)

    init(path: String, walLimit: Int) throws {
        connection = try RawSQLiteConnection(path: path)
        (walPath, self.walLimit) = (path + "-wal", walLimit)
    }

    /// Starts a checkpoint unless one is still running (the next commit asks again).
    func request() {
        let start = busy.withLockedValue { busy in
            defer { busy = true }
            return !busy
        }
        guard start else { return }
        queue.async { [self] in
            checkpoint()
            busy.withLockedValue { $0 = false }
        }
    }

    /// After a commit: when the WAL file is past the limit, waits for a checkpoint of all
    /// that is committed (after any one running), so that the next transaction starts the WAL over.
    func settle() async {
        let size = (try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int) ?? 0
        guard size > walLimit else { return request() }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async { [self] in
                checkpoint()
                done.resume()
            }
        }
    }

    /// A failed passive checkpoint loses nothing: the frames stay in the WAL, and `close()`'s
    /// checkpoint folds them in.
    private func checkpoint() {
        try? connection.exec("PRAGMA wal_checkpoint(PASSIVE)")
    }

    /// Waits for a running checkpoint and closes the connection.
    func finish() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async { [connection] in
                connection.close()
                done.resume()
            }
        }
    }
}
