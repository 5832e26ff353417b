import MinzhengCore

/// A region `<select>` as `partials/region-select` renders it: one `<optgroup>` per
/// district with its streets (`RegionTable.choiceGroups`), so choosing a region needs
/// neither the codes nor JavaScript.
struct RegionPicker: Encodable {
    struct Group: Encodable {
        let label: String
        let options: [Choice]
    }

    let id: String
    let field: String
    /// The first option, with the empty value: "全部" for a filter, "请选择" for a form.
    let emptyLabel: String
    let groups: [Group]
    let selected: String
    /// Marks the select as the field of the error shown as `errorID`.
    var invalid = false
    var errorID = "form-error"

    init(
        id: String = "f-region", field: String = "region", emptyLabel: String, table: RegionTable,
        within region: RegionCode,
        levels: Set<RegionCode.Level>, selected: String?
    ) {
        self.id = id
        self.field = field
        self.emptyLabel = emptyLabel
        groups = table.choiceGroups(within: region, levels: levels).map { group in
            Group(label: group.label, options: group.options.map { Choice(value: $0.code, label: $0.label) })
        }
        // A name typed into a link (?region=新北区) shows as its region chosen.
        self.selected = (try? table.resolve(selected))?.value ?? selected ?? ""
    }
}
