import MinzhengCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// What the app builds once at start-up and every request and command shares.
struct PlatformServices: Sendable {
    let config: AppConfig
    let cipher: FieldCipher
    let regions: RegionTable
    /// A bcrypt hash at the configured cost that no password matches: checked for a name no
    /// account has, so that the answer takes as long as for a real account.
    let decoyPassword: DecoyPasswordHash
    /// "Now" for everything dated; tests set it to the day a case needs.
    var clock: PlatformClock
}

/// The decoy hash, made when first asked for: every process made it at start-up, and the
/// command-line jobs, which never check a password, spent a bcrypt hash each (a third of a
/// second; 2 s of a feed file's no-op run on a busy machine). The server asks for it as it
/// starts (`runMinzheng`), so that no sign-in waits for it.
final class DecoyPasswordHash: Sendable {
    private let made: NIOLockedValueBox<String?> = .init(nil)
    private let make: @Sendable () throws -> String

    init(_ make: @escaping @Sendable () throws -> String) { self.make = make }

    var hash: String {
        get throws {
            try made.withLockedValue { made in
                if let made { return made }
                let hash = try make()
                made = hash
                return hash
            }
        }
    }
}

extension Application {
    /// A service `configure(_:)` stores once at start-up; asking before is a programming error.
    func configured<Key: StorageKey>(_ key: Key.Type) -> Key.Value {
        guard let value = storage[key] else { fatalError("configure(_:) has not run") }
        return value
    }

    private struct PlatformKey: StorageKey { typealias Value = PlatformServices }

    var platform: PlatformServices {
        get { configured(PlatformKey.self) }
        set { storage[PlatformKey.self] = newValue }
    }
}

extension Request {
    var platform: PlatformServices { application.platform }

    /// Now and today on the platform's clock.
    var now: Date { platform.clock.now }
    var today: CivilDate { platform.clock.today }

    /// The registry for reading (on the read connections, `Request.reads`).
    var registry: RegistryStore {
        RegistryStore(db: reads, cipher: platform.cipher, regions: platform.regions, clock: platform.clock)
    }

    /// The registry inside an audited transaction: every write records its event.
    func registryWriter(_ tx: SQLDatabase, _ audit: AuditRecorder) -> RegistryStore {
        RegistryStore(db: tx, cipher: platform.cipher, regions: platform.regions, clock: platform.clock, audit: audit)
    }
}
