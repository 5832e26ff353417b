/// Overlaps a bulk job's preparation of the next batch (parsing, validation, encryption)
/// with the database writing the previous one: at most one write is in flight, and writes
/// happen in submission order, so a later batch sees everything an earlier one stored.
struct PipelinedWriter<Output: Sendable> {
    private var inFlight: Task<Output, any Error>?

    /// Waits for the write in flight (returning its output), then starts `write`.
    mutating func submit(_ write: @escaping @Sendable () async throws -> Output) async throws -> Output? {
        let previous = try await inFlight?.value
        inFlight = Task { try await write() }
        return previous
    }

    /// Waits for the last write.
    mutating func finish() async throws -> Output? {
        defer { inFlight = nil }
        return try await inFlight?.value
    }
}
