/// The "15-minute circle" (15 分钟养老服务圈) of the bureau's spatial-layout plan: how far each
/// community's office is from the nearest community-level service facility, and which
/// communities lie beyond the radius with how many older residents they hold.
public enum ServiceCoverage {
    /// A community as the planning view knows it: its code, where its office is (nil when
    /// nobody has recorded it yet), and its residents aged 60 or over.
    public struct Community: Sendable, Equatable {
        public let code: String
        public let location: GeoPoint?
        public let olderResidents: Int

        public init(code: String, location: GeoPoint?, olderResidents: Int) {
            self.code = code
            self.location = location
            self.olderResidents = olderResidents
        }
    }

    /// A facility that serves the neighbourhood around it.
    public struct Centre: Sendable, Equatable {
        public let name: String
        public let location: GeoPoint

        public init(name: String, location: GeoPoint) {
            self.name = name
            self.location = location
        }
    }

    public struct Reach: Sendable, Equatable {
        public let community: Community
        /// The nearest centre and its distance; nil when the community has no location or
        /// there is no centre at all.
        public let nearest: Centre?
        public let metres: Double?
        /// Within the radius; nil when unknown (no location).
        public let covered: Bool?
    }

    /// Every community with its nearest centre, the farthest first (the unknown last), so
    /// that a planner reads the gaps at the top.
    public static func reach(of communities: [Community], centres: [Centre], radiusMetres: Double) -> [Reach] {
        let reaches = communities.map { community -> Reach in
            guard let here = community.location else {
                return Reach(community: community, nearest: nil, metres: nil, covered: nil)
            }
            var best: (Centre, Double)?
            for centre in centres {
                let d = here.metres(to: centre.location)
                if best == nil || d < best!.1 { best = (centre, d) }
            }
            guard let (centre, d) = best else {
                return Reach(community: community, nearest: nil, metres: nil, covered: false)
            }
            return Reach(community: community, nearest: centre, metres: d, covered: d <= radiusMetres)
        }
        // No centre at all first, then the farthest first, the communities not located last.
        func rank(_ r: Reach) -> (Int, Double, String) {
            (r.metres != nil ? 1 : r.covered == false ? 0 : 2, -(r.metres ?? 0), r.community.code)
        }
        return reaches.sorted { rank($0) < rank($1) }
    }

    /// The totals a planner quotes: communities located, covered, outside, not located, and
    /// the older residents outside the circle.
    public struct Summary: Sendable, Equatable, Codable {
        public var communities = 0
        public var covered = 0
        public var outside = 0
        public var unlocated = 0
        public var olderResidentsOutside = 0
        public var olderResidents = 0

        public init(_ reaches: [Reach]) {
            communities = reaches.count
            for r in reaches {
                olderResidents += r.community.olderResidents
                switch r.covered {
                case true?: covered += 1
                case false?:
                    outside += 1
                    olderResidentsOutside += r.community.olderResidents
                case nil: unlocated += 1
                }
            }
        }
    }
}
