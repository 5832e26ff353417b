import SQLKit
import MinzhengCore
import Vapor

/// What the app builds once at start-up and every request and command shares.
struct PlatformServices: Sendable {
    let config: AppConfig
    let cipher: FieldCipher
    let regions: RegionTable
    /// A bcrypt hash at the configured cost that no password matches: checked for a name no
    /// account has, so that the answer takes as long as for a real account.
    let decoyPasswordHash: String
    /// "Now" for everything dated; tests set it to the day a case needs.
    var clock: PlatformClock
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

    /// The registry for reading.
    var registry: RegistryStore {
        RegistryStore(db: sql, cipher: platform.cipher, regions: platform.regions, clock: platform.clock)
    }

    /// The registry inside an audited transaction: every write records its event.
    func registryWriter(_ tx: SQLDatabase, _ audit: AuditRecorder) -> RegistryStore {
        RegistryStore(db: tx, cipher: platform.cipher, regions: platform.regions, clock: platform.clock, audit: audit)
    }
}
