/// An item of the home-adaptation catalogue (适老化改造产品和服务清单); its price is a dated
/// parameter.
public enum AdaptationItem: String, Sendable, CaseIterable, Codable {
    case grabBar, antiSlipFloor, showerSeat, raisedToilet, ramp, doorWidening, nightLight, emergencyCall, gasAlarm
    case walkingAid

    public var label: String {
        switch self {
        case .grabBar: return "扶手"
        case .antiSlipFloor: return "卫生间防滑地面"
        case .showerSeat: return "淋浴椅"
        case .raisedToilet: return "坐便增高器/坐便椅"
        case .ramp: return "坡道"
        case .doorWidening: return "门洞拓宽"
        case .nightLight: return "感应夜灯"
        case .emergencyCall: return "紧急呼叫器"
        case .gasAlarm: return "燃气报警及自动切断"
        case .walkingAid: return "助行器"
        }
    }

    public func price(_ p: PolicyParameters) -> Fen {
        switch self {
        case .grabBar: return p.adaptationPriceGrabBar
        case .antiSlipFloor: return p.adaptationPriceAntiSlipFloor
        case .showerSeat: return p.adaptationPriceShowerSeat
        case .raisedToilet: return p.adaptationPriceRaisedToilet
        case .ramp: return p.adaptationPriceRamp
        case .doorWidening: return p.adaptationPriceDoorWidening
        case .nightLight: return p.adaptationPriceNightLight
        case .emergencyCall: return p.adaptationPriceEmergencyCall
        case .gasAlarm: return p.adaptationPriceGasAlarm
        case .walkingAid: return p.adaptationPriceWalkingAid
        }
    }
}
