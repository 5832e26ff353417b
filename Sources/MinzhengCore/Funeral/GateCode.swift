/// The Qingming visit's gate code (入园码): the booking and its day, signed by the platform,
/// as one line of text a QR code carries — `MZQM.<booking>.<yyyymmdd>.<signature>`. The gate
/// checks the signature, then the booking: valid, another day, already used, cancelled.
public enum GateCode {
    public static let prefix = "MZQM"

    /// What is signed: the booking and its day.
    public static func payload(booking: String, day: CivilDate) -> String {
        "\(prefix).\(booking.lowercased()).\(compact(day))"
    }

    public static func make(booking: String, day: CivilDate, signature: String) -> String {
        "\(payload(booking: booking, day: day)).\(signature.prefix(20))"
    }

    /// The parts of a code, or nil when it is not one.
    public static func parse(_ text: String) -> (booking: String, day: CivilDate, signature: String)? {
        let parts = text.trimmingSpaces.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == prefix, parts[1].count == 36, parts[2].count == 8, !parts[3].isEmpty,
            let y = Int(parts[2].prefix(4)), let m = Int(parts[2].dropFirst(4).prefix(2)),
            let d = Int(parts[2].suffix(2)), let day = CivilDate(year: y, month: m, day: d)
        else { return nil }
        return (parts[1].lowercased(), day, parts[3])
    }

    static func compact(_ day: CivilDate) -> String {
        String(day.description.filter { $0 != "-" })
    }
}

/// The gate's answer to a code whose signature holds.
public enum GateVerdict: String, Sendable, Codable {
    case valid, wrongDay, used, cancelled, noShow, notAVisit

    public static func of(kind: BookingKind, state: BookingState, day: CivilDate, today: CivilDate) -> GateVerdict {
        guard kind == .qingmingVisit else { return .notAVisit }
        switch state {
        // A visit needs no partner's confirmation; a lapsed booking is as good as cancelled.
        case .cancelled, .lapsed: return .cancelled
        case .arrived: return .used
        case .noShow: return .noShow
        case .active: return day == today ? .valid : .wrongDay
        }
    }

    public var chinese: String {
        switch self {
        case .valid: return "有效，请入园"
        case .wrongDay: return "不是今天的预约"
        case .used: return "已入园（码已使用）"
        case .cancelled: return "预约已取消"
        case .noShow: return "预约已记为爽约"
        case .notAVisit: return "不是清明祭扫预约"
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(unicodeScalars.filter { !$0.properties.isWhitespace })
    }
}
