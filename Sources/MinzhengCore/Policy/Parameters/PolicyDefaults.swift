import Foundation

/// The default parameter rows shipped with the code (`Resources/policy-defaults.json`):
/// the Changzhou set of POLICY.md section 1, which seeding writes into the database.
public struct PolicyDefaults: Sendable {
    /// The region the defaults are stated for ("3204").
    public let region: String
    public let rows: [PolicyParameterRow]

    private struct File: Decodable {
        let region: String
        let parameters: [Entry]
    }

    private struct Entry: Decodable {
        let key: String
        let fromMonth: YearMonth
        let value: Int64
    }

    /// Reads the bundled `policy-defaults.json`.
    public static func load() throws(PolicyParameterError) -> PolicyDefaults {
        guard let url = Bundle.module.url(forResource: "policy-defaults", withExtension: "json") else {
            throw .defaultsUnreadable("not in the bundle")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .defaultsUnreadable(String(describing: error)) }
        return try PolicyDefaults(jsonData: data)
    }

    public init(jsonData: Data) throws(PolicyParameterError) {
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: jsonData) } catch {
            throw .defaultsUnreadable(String(describing: error))
        }
        region = file.region
        var rows: [PolicyParameterRow] = []
        for entry in file.parameters {
            rows.append(
                try PolicyParameterRow(
                    regionCode: file.region, keyName: entry.key,
                    fromMonth: entry.fromMonth, value: entry.value))
        }
        self.rows = rows
    }

    public var history: PolicyParameterHistory { PolicyParameterHistory(rows: rows) }
}
