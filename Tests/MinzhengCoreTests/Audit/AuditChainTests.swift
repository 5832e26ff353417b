import Testing
import MinzhengCore

/// A five-event chain as the registry and the policy screens would write it.
private let entries: [AuditEntry] = [
    AuditEntry(
        occurredAt: AuditTimestamp(millisecondsSinceEpoch: 1_622_536_205_042),
        actorID: "3f0c1b9e-8d5a-4c57-9d1e-2b7f6a4e9c10", actorName: "王芳", action: "person.update",
        entity: "person", entityID: "9b2d5e1a-0c3f-4e8b-a6d7-1f2e3d4c5b6a", region: "320402001",
        before: #"{"phone":"13800000000"}"#, after: #"{"phone":"13900000000"}"#, requestID: "req-1"),
    AuditEntry(
        occurredAt: AuditTimestamp(millisecondsSinceEpoch: 1_622_536_206_000),
        actorID: nil, actorName: "系统", action: "policy.parameter.create", entity: "policyParameter",
        region: "3204", after: #"{"key":"dibaoStandard","value":100000}"#),
    AuditEntry(
        occurredAt: AuditTimestamp(millisecondsSinceEpoch: 1_622_536_300_000),
        actorID: "3f0c1b9e-8d5a-4c57-9d1e-2b7f6a4e9c10", actorName: "王芳", action: "person.viewIdentity",
        entity: "person", entityID: "9b2d5e1a-0c3f-4e8b-a6d7-1f2e3d4c5b6a", region: "320402001", requestID: "req-2"),
    AuditEntry(
        occurredAt: AuditTimestamp(millisecondsSinceEpoch: 1_622_536_400_000),
        actorID: "77aa0c3e-1d2b-4f5a-8c9d-0e1f2a3b4c5d", actorName: "李强", action: "person.update",
        entity: "person", entityID: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", region: "320411002",
        before: #"{"hukou":"rural"}"#, after: #"{"hukou":"urban"}"#, requestID: "req-3"),
    AuditEntry(
        occurredAt: AuditTimestamp(millisecondsSinceEpoch: 1_622_536_500_000),
        actorID: nil, actorName: "系统", action: "person.import", entity: "person", region: "320411", requestID: nil),
]

private let chain = AuditChain.seal(entries)

/// One way of tampering with a single stored field.
struct FieldTamper: Sendable, CustomTestStringConvertible {
    let field: String
    let apply: @Sendable (inout AuditEvent) -> Void
    var testDescription: String { field }
}

@Suite("Audit chain")
struct AuditChainTests {
    @Test func sealingNumbersAndLinksTheEvents() {
        #expect(chain.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(chain[0].previousHash == String(repeating: "0", count: 64))
        for i in 1..<chain.count { #expect(chain[i].previousHash == chain[i - 1].hash) }
        #expect(chain.allSatisfy { $0.hash.utf8.count == 64 })
        #expect(Set(chain.map(\.hash)).count == chain.count)
        #expect(chain[2].entry == entries[2])
    }

    /// Pinned against an independent implementation of the documented encoding (Python:
    /// struct.pack('>q') lengths and integers, 0x00/0x01 for optionals, hashlib.sha256), so
    /// that a change to the format cannot pass unnoticed.
    @Test func hashesArePinnedToTheDocumentedEncoding() {
        #expect(chain[0].hash == "24e690f77cfacd4696339206b01edbaff6c6963c1fbbce8a467b332fa0d113e4")
        #expect(chain[1].hash == "01e83de20983437661aeaec1d77187a77ffbbe63409e9867fddf026086f78813")
    }

    @Test func anIntactChainVerifies() {
        #expect(AuditChain.verify(chain) == .intact(count: 5))
        #expect(AuditChain.verify([AuditEvent]()) == .intact(count: 0))
    }

    @Test func theGenesisEventMustLinkToZeros() {
        #expect(AuditChain.verify(chain.prefix(1)) == .intact(count: 1))
        // The same entry sealed onto some other head is not a valid start of the chain.
        let elsewhere = AuditChain.seal(
            entries[0], after: AuditChainHead(sequence: 0, hash: String(repeating: "f", count: 64)))
        #expect(AuditChain.verify([elsewhere]) == .broken(sequence: 1, reason: .previousHashMismatch))
        // Deleting the first event: the second no longer links to the genesis.
        #expect(AuditChain.verify(chain.dropFirst()) == .broken(sequence: 2, reason: .previousHashMismatch))
    }

    static let tampers: [FieldTamper] = [
        FieldTamper(field: "sequence") { $0.sequence += 10 },
        FieldTamper(field: "occurredAt") {
            $0.occurredAt = AuditTimestamp(millisecondsSinceEpoch: $0.occurredAt.millisecondsSinceEpoch + 1)
        },
        FieldTamper(field: "actorID") { $0.actorID = nil },
        FieldTamper(field: "actorName") { $0.actorName = "张伟" },
        FieldTamper(field: "action") { $0.action = "person.view" },
        FieldTamper(field: "entity") { $0.entity = "household" },
        FieldTamper(field: "entityID") { $0.entityID = "00000000-0000-4000-8000-000000000000" },
        FieldTamper(field: "region") { $0.region = "320402002" },
        FieldTamper(field: "before") { $0.before = nil },
        FieldTamper(field: "after") { $0.after = #"{"phone":"13900000001"}"# },
        FieldTamper(field: "requestID") { $0.requestID = "" },
        FieldTamper(field: "previousHash") { $0.previousHash = String(repeating: "0", count: 64) },
        FieldTamper(field: "hash") { $0.hash = String(repeating: "a", count: 64) },
        // Text moved across a field boundary: plain concatenation would not notice.
        FieldTamper(field: "entity/entityID boundary") {
            let id = $0.entityID!
            $0.entity += String(id.prefix(1))
            $0.entityID = String(id.dropFirst())
        },
    ]

    @Test(arguments: tampers)
    func alteringAnyFieldNamesThatEvent(tamper: FieldTamper) {
        // Event 4 carries every optional field, so each tamper really changes something.
        var events = chain
        tamper.apply(&events[3])
        #expect(events[3] != chain[3])
        #expect(AuditChain.verify(events) == .broken(sequence: events[3].sequence, reason: .contentsAltered))
    }

    @Test func deletingAnEventNamesTheNextOne() {
        var events = chain
        events.remove(at: 2)
        #expect(AuditChain.verify(events) == .broken(sequence: 4, reason: .previousHashMismatch))
    }

    @Test func swappingTwoEventsNamesTheFirstOutOfPlace() {
        var events = chain
        events.swapAt(1, 2)
        #expect(AuditChain.verify(events) == .broken(sequence: 3, reason: .previousHashMismatch))
    }

    @Test func aSequenceGapInAnOtherwiseLinkedChain() {
        // A writer that skipped a number (e.g. a database sequence after a rollback):
        // every row is sealed and linked, only the numbering is wrong.
        let first = AuditChain.seal(entries[0], after: .genesis)
        let skipped = AuditChain.seal(entries[1], after: AuditChainHead(sequence: 2, hash: first.hash))
        #expect(skipped.sequence == 3)
        #expect(AuditChain.verify([first, skipped]) == .broken(sequence: 3, reason: .sequenceGap(expected: 2)))
    }

    @Test func theVerifierStreamsPageByPageAndKeepsTheFirstBreak() {
        var events = chain
        events[1].actorName = "改过"
        events[3].actorName = "也改过"
        var verifier = AuditChainVerifier()
        var breaks: [AuditChainBreak?] = []
        for page in [events[0..<2], events[2..<4], events[4..<5]] {
            for event in page { breaks.append(verifier.check(event)) }
        }
        let first = AuditChainBreak(sequence: 2, reason: .contentsAltered)
        #expect(breaks == [nil, first, first, first, first])
        #expect(verifier.count == 1)
        #expect(verifier.head == chain[0].head)
        #expect(verifier.result == .broken(sequence: 2, reason: .contentsAltered))
    }

    @Test func verificationResumesFromACheckpoint() {
        let checkpoint = chain[2].head
        #expect(AuditChain.verify(chain[3...], after: checkpoint) == .intact(count: 2))
        // Appending more later links onto the last head.
        let next = AuditChain.seal(entries[0], after: chain[4].head)
        #expect(next.sequence == 6)
        #expect(AuditChain.verify(chain + [next]) == .intact(count: 6))
    }

    @Test func breakMessagesNameTheEvent() {
        #expect(AuditChainBreak(sequence: 7, reason: .contentsAltered).description.contains("#7"))
        #expect(
            AuditChainBreak(sequence: 9, reason: .sequenceGap(expected: 8)).description.contains(
                "expected #8, found #9"))
    }
}
