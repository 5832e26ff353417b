import MinzhengCore
import Testing

@Suite("key rotation steps")
struct KeyRotationStepTests {
    static func tables(_ done: [Bool]) -> [KeyRotation.TableProgress] {
        done.enumerated().map {
            KeyRotation.TableProgress(table: "t\($0.offset)", done: $0.element, rowsDone: 0, rowsChanged: 0)
        }
    }

    @Test(
        "the first unfinished table is next; then the sweep; then the end",
        arguments: [
            (KeyRotation.Phase.rekey, [false, false], KeyRotation.Step.batch(table: "t0")),
            (.rekey, [true, false], .batch(table: "t1")),
            (.rekey, [true, true], .startSweep),
            (.sweep, [true, false], .batch(table: "t1")),
            (.sweep, [true, true], .finish),
            (.sweep, [], .finish),
        ] as [(KeyRotation.Phase, [Bool], KeyRotation.Step)])
    func next(phase: KeyRotation.Phase, done: [Bool], step: KeyRotation.Step) {
        #expect(KeyRotation.next(phase: phase, tables: Self.tables(done)) == step)
    }
}
