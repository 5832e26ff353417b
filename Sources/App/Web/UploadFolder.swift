import Foundation

/// Every folder under the data directory that uploaded files (`StoredUpload`) are written to:
/// the one list that start-up's permissions (`PrivateFiles`) and `minzheng backup`/`restore`
/// walk, so a feature's uploads are backed up as soon as its folder is named here. A new
/// feature adds a case and takes its folder from it (`UploadFolder.x.path(config)`);
/// `UploadFolderTests` fails for a folder under the data directory named anywhere else.
enum UploadFolder: String, CaseIterable, Sendable {
    /// Applicants' documents: `documents/<application>/<document>`.
    case documents
    /// The assistance station's photos of a person: `station-photos/<case>/<photo>`.
    case stationPhotos = "station-photos"
    /// Home-adaptation completion photos: `adaptations/<case>/<photo>`.
    case adaptations
    /// Hazard rectification photos: `hazards/<hazard>/<event>`.
    case hazards
    /// Photos of a missing person on a family's report: `family-search/<report>/<photo>`.
    case familySearch = "family-search"

    /// The folder's path under `config`'s data directory.
    func path(_ config: AppConfig) -> String { Self.path(rawValue, under: config.dataDirectory) }

    static func path(_ name: String, under dataDirectory: String) -> String { dataDirectory + "/" + name }
}
