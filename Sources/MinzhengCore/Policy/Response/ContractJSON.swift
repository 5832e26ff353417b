import Foundation

/// How every JSON contract answers (the policy assessment, the ability scoring): UTF-8 with
/// sorted keys, so that equal answers are equal bytes.
public enum ContractJSON {
    public static func encode<T: Encodable>(_ value: T, prettyPrinted: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
