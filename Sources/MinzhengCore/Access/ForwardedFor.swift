/// Who the client is behind load balancers: the last address of `X-Forwarded-For` that is
/// not a trusted proxy, when the request came from one; otherwise the direct address (a
/// header from anyone else is ignored, since a client could write any address in it).
public enum ForwardedFor {
    public static func client(direct: String, header values: [String], trusted: [String]) -> String {
        guard trusted.contains(direct) else { return direct }
        let chain = values.flatMap { $0.split(separator: ",") }.map { String($0).trimmedWhitespace }
        return chain.last { !$0.isEmpty && !trusted.contains($0) } ?? direct
    }
}
