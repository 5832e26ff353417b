/// The choices of a region picker that works without JavaScript: a `<select>` with one
/// `<optgroup>` per district listing its streets and towns (district → street in one step).
public struct RegionChoiceGroup: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public let code: String
        public let label: String
    }

    public let label: String
    public let options: [Option]
}

extension RegionTable {
    /// The regions someone of `region` may pick, grouped by district. `levels` says which
    /// levels are offered: a list filter offers districts and streets, a household's form
    /// streets only (its community is typed under the street), an account form every level
    /// down from the administrator's own.
    public func choiceGroups(within region: RegionCode, levels: Set<RegionCode.Level>) -> [RegionChoiceGroup] {
        var groups: [RegionChoiceGroup] = []
        if region.level < .district, levels.contains(region.level) {
            groups.append(RegionChoiceGroup(label: label(of: region), options: [option(region, whole: true)]))
        }
        let districts =
            region.level < .district
            ? children(of: region).filter { $0.level == .district } : [region.chain.first { $0.level == .district }!]
        for district in districts {
            var options: [RegionChoiceGroup.Option] = []
            if levels.contains(.district), region.contains(district) { options.append(option(district, whole: true)) }
            if levels.contains(.street) {
                options += children(of: district).filter { $0.level == .street && region.contains($0) }
                    .map { option($0, whole: false) }
            }
            if region.level == .community, levels.contains(.community) { options = [option(region, whole: false)] }
            if !options.isEmpty { groups.append(RegionChoiceGroup(label: label(of: district), options: options)) }
        }
        return groups
    }

    private func option(_ code: RegionCode, whole: Bool) -> RegionChoiceGroup.Option {
        let name =
            code.level == .community
            ? fullName(of: code, below: code.chain.first { $0.level == .district }!) : label(of: code)
        return RegionChoiceGroup.Option(code: code.value, label: whole ? "\(name)（全部）" : name)
    }
}
