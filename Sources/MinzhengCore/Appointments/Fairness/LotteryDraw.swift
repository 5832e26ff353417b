/// The draw of a popular date: requests taken during the days before booking opens are put in
/// an order fixed by a published seed (the caller sorts them by a keyed hash of seed and
/// request), then each in turn gets its chosen slot while seats last, else the earliest slot
/// of the same office with seats left. Anyone with the seed and the requests can redo it.
public enum LotteryDraw {
    public struct Request: Sendable, Equatable {
        public let id: String
        public let slot: String
        /// The slot's office: a loser of the chosen slot may get another slot there.
        public let resource: String
        public let seats: Int

        public init(id: String, slot: String, resource: String, seats: Int) {
            self.id = id
            self.slot = slot
            self.resource = resource
            self.seats = seats
        }
    }

    public struct Seat: Sendable, Equatable {
        public let slot: String
        public let resource: String
        public let startMinute: Int
        public var left: Int

        public init(slot: String, resource: String, startMinute: Int, left: Int) {
            self.slot = slot
            self.resource = resource
            self.startMinute = startMinute
            self.left = left
        }
    }

    /// Each request in draw order with the slot it won, or nil when it lost.
    public static func allocate(ordered requests: [Request], seats: [Seat]) -> [(request: Request, slot: String?)] {
        var seats = seats.sorted { ($0.resource, $0.startMinute) < ($1.resource, $1.startMinute) }
        return requests.map { request in
            let chosen = seats.firstIndex { $0.slot == request.slot && $0.left >= request.seats }
            let other = seats.firstIndex { $0.resource == request.resource && $0.left >= request.seats }
            guard let i = chosen ?? other else { return (request, nil) }
            seats[i].left -= request.seats
            return (request, seats[i].slot)
        }
    }
}
