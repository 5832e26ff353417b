import Foundation
import MinzhengCore

/// The JSON Schema of a request or answer type, read off its `Decodable` conformance: the type
/// is decoded once by a `Decoder` that hands out sample values and records what was asked for
/// (`decode` a required member, `decodeIfPresent` an optional one, an array by its one element).
/// So the document follows the structs the handlers decode and return, and cannot drift from
/// them. A type whose `init(from:)` refuses the samples (a validated code) is described by as
/// much as was read before it threw, as an open object, or as any value: never a crash.
enum CodableSchema {
    enum Use {
        /// A request body: objects closed, since `StrictJSONDecoder` refuses a key the type does not read.
        case request
        /// An answer: objects open, so that the document never fails a correct answer.
        case answer
    }

    static func request<T: Decodable>(_ type: T.Type) -> JSONValue { schema(T.self, for: .request) }
    static func answer<T: Decodable>(_ type: T.Type) -> JSONValue { schema(T.self, for: .answer) }

    static func schema<T: Decodable>(_ type: T.Type, for use: Use) -> JSONValue {
        let root = Node()
        _ = try? sample(T.self, into: root, path: [])
        return root.schema(for: use)
    }

    /// Deeper than this an array is read as empty, so that a type holding itself ends there; four
    /// times as deep, any value is refused (a class holding itself by a member).
    static let maximumDepth = 12

    /// What was asked of one value.
    final class Node {
        enum Shape {
            case unknown
            case leaf(JSONValue)
            case object([String: (node: Node, required: Bool)])
            case array(Node?)
            /// `[String: Value]`: its members' schema.
            case dictionary(Node)
        }
        var shape = Shape.unknown
        /// `decodeNil` was asked: the value may be null (an `Optional` inside an array or a dictionary).
        var nullable = false
        /// Its `init(from:)` threw: only what was read before is known.
        var failed = false

        func member(_ name: String, required: Bool) -> Node {
            var members: [String: (node: Node, required: Bool)] = [:]
            if case .object(let known) = shape { members = known }
            if let known = members[name] { return known.node }
            let node = Node()
            members[name] = (node, required)
            shape = .object(members)
            return node
        }

        func schema(for use: Use) -> JSONValue {
            let schema: JSONValue
            switch shape {
            case .unknown: schema = failed ? S.any : S.object([:])
            case .leaf(let leaf): schema = leaf
            case .array(let element): schema = S.array(element?.schema(for: use) ?? S.any)
            case .dictionary(let value): schema = ["type": "object", "additionalProperties": value.schema(for: use)]
            case .object(let members):
                var properties: [String: JSONValue] = [:]
                for (name, member) in members {
                    let property = member.node.schema(for: use)
                    properties[name] = member.required ? property : CodableSchema.nullable(property)
                }
                let required = failed ? [] : members.filter(\.value.required).keys.sorted()
                schema = S.object(properties, required: required, closed: use == .request && !failed)
            }
            return nullable ? CodableSchema.nullable(schema) : schema
        }
    }

    /// The schema that also allows null.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard schema != S.any else { return schema }
        if case .string(let type)? = schema["type"] {
            var widened = schema.setting("type", [.string(type), "null"])
            if case .array(let values)? = schema["enum"] { widened = widened.setting("enum", .array(values + [.null])) }
            return widened
        }
        return ["anyOf": [schema, ["type": "null"]]]
    }

    /// A value of `T` for the type being read, recording its schema in `node`.
    static func sample<T: Decodable>(_ type: T.Type, into node: Node, path: [any CodingKey]) throws -> T {
        if let (schema, value) = primitives[ObjectIdentifier(T.self)], let value = value as? T {
            node.shape = .leaf(schema)
            return value
        }
        if let described = T.self as? any SchemaSample.Type, let value = described.schemaSample as? T {
            node.shape = .leaf(described.schema)
            return value
        }
        if let choice = T.self as? any CaseIterable.Type, let (schema, first) = cases(choice), let value = first as? T {
            node.shape = .leaf(schema)
            return value
        }
        if let dictionary = T.self as? any SchemaDictionary.Type, let value = dictionary.empty as? T {
            let member = Node()
            node.shape = .dictionary(member)
            dictionary.recordValue(into: member, path: path)
            return value
        }
        guard path.count <= 4 * maximumDepth else { throw Unreadable() }
        do {
            return try T(from: Recorder(node: node, codingPath: path))
        } catch {
            node.failed = true
            throw error
        }
    }

    private static let primitives: [ObjectIdentifier: (JSONValue, any Sendable)] = [
        ObjectIdentifier(String.self): (S.string, ""),
        ObjectIdentifier(Bool.self): (S.boolean, false),
        ObjectIdentifier(Int.self): (S.integer, 0),
        ObjectIdentifier(Int64.self): (S.integer, Int64(0)),
        ObjectIdentifier(Int32.self): (S.integer, Int32(0)),
        ObjectIdentifier(UInt.self): (S.integer, UInt(0)),
        ObjectIdentifier(Double.self): (["type": "number"], 0.0),
        ObjectIdentifier(Float.self): (["type": "number"], Float(0)),
        ObjectIdentifier(Decimal.self): (["type": "number"], Decimal(0)),
        ObjectIdentifier(UUID.self): (S.uuid, UUID()),
        // The app's JSON writes and reads dates as ISO 8601 (configure.swift).
        ObjectIdentifier(Date.self): (["type": "string", "format": "date-time"], Date()),
    ]

    /// An enumeration's raw values and its first case (nil: not raw text or numbers).
    private static func cases<C: CaseIterable>(_ type: C.Type) -> (JSONValue, Any)? {
        let all = Array(type.allCases)
        guard let first = all.first, first is any RawRepresentable else { return nil }
        let raws = all.compactMap { ($0 as? any RawRepresentable)?.rawValue }
        if let texts = raws as? [String] { return (S.enumeration(texts), first) }
        if let numbers = raws as? [Int] {
            return (["type": "integer", "enum": .array(numbers.map(JSONValue.int))], first)
        }
        return nil
    }

    private struct Unreadable: Error {}

    private struct Recorder: Decoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            if case .object = node.shape {} else { node.shape = .object([:]) }
            return KeyedDecodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
        }
        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            Unkeyed(node: node, codingPath: codingPath)
        }
        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            Single(node: node, codingPath: codingPath)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        /// A member the type always reads (`decode`).
        private func required<T: Decodable>(_ key: Key) throws -> T {
            try sample(T.self, into: node.member(key.stringValue, required: true), path: codingPath + [key])
        }
        /// A member it reads when present and not null (`decodeIfPresent`); one it cannot read
        /// from the samples is left absent, described by what was read of it.
        private func optional<T: Decodable>(_ key: Key) -> T? {
            try? sample(T.self, into: node.member(key.stringValue, required: false), path: codingPath + [key])
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try required(key) }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { optional(key) }
        // The standard library's own overloads for the basic types, which a `Decoder` must answer too.
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try required(key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try required(key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try required(key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try required(key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try required(key) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { optional(key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { optional(key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { optional(key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { optional(key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { optional(key) }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try Recorder(node: node.member(key.stringValue, required: true), codingPath: codingPath + [key])
                .container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            Unkeyed(node: node.member(key.stringValue, required: true), codingPath: codingPath + [key])
        }
        func superDecoder() throws -> any Decoder { Recorder(node: node, codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder {
            Recorder(node: node.member(key.stringValue, required: true), codingPath: codingPath + [key])
        }
    }

    /// An array of one element (then it is at its end); of none past `maximumDepth`.
    private struct Unkeyed: UnkeyedDecodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int? { nil }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex > 0 || codingPath.count > CodableSchema.maximumDepth }

        init(node: Node, codingPath: [any CodingKey]) {
            self.node = node
            self.codingPath = codingPath
            if case .array = node.shape {} else { node.shape = .array(nil) }
        }

        private var element: Node {
            if case .array(let element?) = node.shape { return element }
            let element = Node()
            node.shape = .array(element)
            return element
        }

        mutating func decodeNil() throws -> Bool {
            element.nullable = true
            return false
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try sample(T.self, into: element, path: codingPath + [Index(intValue: currentIndex - 1)])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            currentIndex += 1
            return try Recorder(node: element, codingPath: codingPath).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return Unkeyed(node: element, codingPath: codingPath)
        }
        mutating func superDecoder() throws -> any Decoder { Recorder(node: element, codingPath: codingPath) }
    }

    private struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { String(intValue ?? 0) }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    private struct Single: SingleValueDecodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool {
            node.nullable = true
            return false
        }
        private func value<T: Decodable>() throws -> T { try sample(T.self, into: node, path: codingPath) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try value() }
        func decode(_ type: Bool.Type) throws -> Bool { try value() }
        func decode(_ type: String.Type) throws -> String { try value() }
        func decode(_ type: Double.Type) throws -> Double { try value() }
        func decode(_ type: Int.Type) throws -> Int { try value() }
        func decode(_ type: Int64.Type) throws -> Int64 { try value() }
    }
}

/// A type whose `init(from:)` validates what it reads (a date, a region code): its schema and a
/// valid value, for `CodableSchema`.
protocol SchemaSample {
    static var schema: JSONValue { get }
    static var schemaSample: Self { get }
}

/// `[String: Value]`: an object whose members are all `Value`s (a recording decoder has no keys
/// to offer the dictionary, so it is described, not decoded).
protocol SchemaDictionary {
    static var empty: Self { get }
    static func recordValue(into node: CodableSchema.Node, path: [any CodingKey])
}

extension Dictionary: SchemaDictionary where Key == String, Value: Decodable {
    static var empty: Self { [:] }
    static func recordValue(into node: CodableSchema.Node, path: [any CodingKey]) {
        _ = try? CodableSchema.sample(Value.self, into: node, path: path)
    }
}

extension CivilDate: SchemaSample {
    static var schema: JSONValue { S.date }
    static var schemaSample: CivilDate { CivilDate(daysSinceEpoch: 20_000) }
}

extension YearMonth: SchemaSample {
    static var schema: JSONValue { APIQuery.month.schema }
    static var schemaSample: YearMonth { YearMonth("2026-01")! }
}

extension RegionCode: SchemaSample {
    static var schema: JSONValue { S.pattern("^[0-9]+$") }
    static var schemaSample: RegionCode { RegionCode("3204")! }
}
