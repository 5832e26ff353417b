// The region code parser (`RegionCode`, also as JSON) and what a user types for a region
// (`RegionTable.resolve`: a code, or a district / street / town name; with a community typed
// as 12 digits or its last 3). Input: the region text, then after a newline the community.
// An accepted code is its text, of a known level, its chain the prefixes of the levels
// above; a resolved name names the region it resolved to; a community lies in its street.
import Foundation
import FuzzSupport
import MinzhengCore

let table = RegionTable.shipped
let levels: Set<Int> = [2, 4, 6, 9, 12]

func checkCode(_ text: String) {
    let json = Data(jsonString(text).utf8)
    let decoded = try? JSONDecoder().decode(RegionCode.self, from: json)
    guard let code = RegionCode(text) else {
        Fuzz.require(
            !(levels.contains(text.utf8.count) && text.utf8.allSatisfy { (48...57).contains($0) }),
            "refused a code of digits: \(text)")
        Fuzz.require(decoded == nil, "JSON accepted what init refused: \(text)")
        return
    }
    Fuzz.require(decoded == code, "JSON decodes \(text) to \(String(describing: decoded))")
    Fuzz.require(code.value == text && code.level.rawValue == text.utf8.count, "code \(code) of text \(text)")
    let chain = code.chain
    Fuzz.require(chain.first == code && chain.last?.level == .province, "chain of \(code): \(chain)")
    for (inner, outer) in zip(chain, chain.dropFirst()) {
        Fuzz.require(
            outer.level < inner.level && outer.contains(inner) && inner.parent == outer, "chain of \(code): \(chain)")
    }
    Fuzz.require(
        (try? JSONDecoder().decode(RegionCode.self, from: JSONEncoder().encode(code))) == code,
        "JSON round trip of \(code)")
    Fuzz.require(!table.fullName(of: code).isEmpty && !table.label(of: code).isEmpty, "no name for \(code)")
}

func checkResolve(_ choice: String) -> RegionCode? {
    let raw = choice.trimmedWhitespace
    do throws(FieldProblem) {
        guard let region = try table.resolve(choice) else {
            Fuzz.require(raw.isEmpty, "\(choice) resolves to nothing")
            return nil
        }
        if raw.utf8.allSatisfy({ (48...57).contains($0) }) {
            Fuzz.require(region.value == raw, "code \(raw) resolves to \(region)")
        } else {
            let name = table.name(of: region) ?? ""
            Fuzz.require(name.hasPrefix(raw), "name \(raw) resolves to \(region) (\(name))")
            Fuzz.require(RegionTable.changzhou.contains(region), "name \(raw) resolves outside Changzhou: \(region)")
        }
        return region
    } catch {
        Fuzz.require(error.field == "region" && !error.message.isEmpty, "refusal \(error) for \(choice)")
        return nil
    }
}

Fuzz.run { bytes in
    var input = FuzzInput(bytes)
    let choice = String(decoding: input.upTo(0x0A), as: UTF8.self)
    let community = String(decoding: input.rest, as: UTF8.self)
    checkCode(choice)
    let chosen = checkResolve(choice)
    do throws(FieldProblem) {
        let region = try table.resolve(choice, community: community)
        if community.trimmedWhitespace.isEmpty {
            Fuzz.require(region == chosen, "no community, yet \(String(describing: region)) for \(choice)")
        } else {
            Fuzz.require(
                region?.level == .community, "community \(community) resolves to \(String(describing: region))")
            if let chosen, let region {
                Fuzz.require(chosen.contains(region), "community \(region) outside \(chosen)")
            }
        }
    } catch {
        Fuzz.require(
            ["region", "community"].contains(error.field) && !error.message.isEmpty, "refusal \(error) for \(community)"
        )
    }
}
