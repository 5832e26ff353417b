import Foundation
import MinzhengCore
import Vapor

/// The page models of the public service map and the adviser form.
extension ServiceMapPageController {
    struct MapPage: Encodable {
        let layout: LayoutContext
        let query: ServiceMapService.Query
        let areas: [ChoiceGroup]
        let kinds: [Choice]
        let grades: [Choice]
        let starts: [ChoiceGroup]
        var rows: [MapRow] = []
        var total = 0
        var pager: Pager?
        var svg = ""
        var origin: String?
        var error: String?
        var errorField: String?
    }

    /// A facility of the list, numbered as its pin on the map.
    struct MapRow: Encodable {
        let number: Int
        let facility: MapListing
    }

    struct FacilityPage: Encodable {
        let layout: LayoutContext
        let facility: MapListing
        let prices: [PriceLine]
        /// The adviser form with the facility's street chosen.
        let adviceLink: String
    }

    struct AdviceForm: Content {
        var kind: String?
        var street: String?
        var name: String?
        var phone: String?
        var message: String?

        var input: AdviceDraft.Input {
            AdviceDraft.Input(kind: kind, street: street, name: name, phone: phone, message: message)
        }
    }

    struct AdvicePage: Encodable {
        let layout: LayoutContext
        let form: AdviceForm
        let kinds: [Choice]
        let streets: [ChoiceGroup]
        let error: String?
        let errorField: String?
    }

    struct ReplyPage: Encodable {
        let layout: LayoutContext
        let code: String
        let link: String
        let isNew: Bool
        let kind: String
        let regionName: String
        /// The name with all but its first character hidden: the code may be shared.
        let name: String
        let phone: String
        let message: String
        let received: String
        let answered: Bool
        let answer: String?
        let answeredOn: String?
        let replyDays: Int
    }
}

extension RegionTable {
    /// Each district of the city with its streets, for a `<select>` with `<optgroup>`s;
    /// `wholeDistricts` puts the district itself first in its group.
    func streetGroups(wholeDistricts: Bool) -> [ChoiceGroup] {
        children(of: RegionTable.changzhou).map { district in
            let name = self.name(of: district) ?? district.value
            // A prison is a street-level unit of the statistics, not a place residents live.
            let streets = streets(under: district).compactMap { code -> Choice? in
                let label = self.name(of: code) ?? code.value
                return label.hasSuffix("监狱") ? nil : Choice(value: code.value, label: label)
            }
            return ChoiceGroup(
                label: name,
                choices: (wholeDistricts ? [Choice(value: district.value, label: "\(name)（全区）")] : []) + streets)
        }
    }
}
