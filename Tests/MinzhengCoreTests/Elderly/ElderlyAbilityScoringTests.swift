import Foundation
import MinzhengCore
import Testing

@Suite("Ability assessment (GB/T 42195-2022): items, levels, adjustments")
struct ElderlyAbilityScoringTests {
    /// Every item at its best: total 90.
    static var best: [AbilityItem: Int] {
        Dictionary(uniqueKeysWithValues: AbilityItem.allCases.map { ($0, $0.maximum) })
    }

    /// Scores adding up to `total`, taken off the best scores from the last item backwards, with
    /// 意识水平 kept awake (2) so that no total is a coma.
    static func scores(total: Int) -> [AbilityItem: Int] {
        var s = best
        var off = 90 - total
        for item in AbilityItem.allCases.reversed() where item != .consciousness {
            let take = min(off, item.maximum)
            s[item] = item.maximum - take
            off -= take
        }
        precondition(off <= 0)
        return s
    }

    static func answers(
        _ scores: [AbilityItem: Int] = best, coma: Bool = false, diagnoses: [String] = [], risk: Int = 0
    ) -> AbilityAnswers {
        AbilityAnswers(scores: scores, coma: coma, diagnoses: diagnoses, riskEvents30Days: risk)
    }

    @Test("the 26 items in four indicators of 32, 15, 28 and 15 points")
    func structure() {
        #expect(AbilityItem.allCases.count == 26)
        #expect(AbilityIndicator.allCases.map(\.maximum) == [32, 15, 28, 15])
        #expect(AbilityIndicator.allCases.map { $0.items.count } == [8, 4, 9, 5])
        #expect(
            AbilityItem.allCases.map(\.rawValue) == [
                "eating", "grooming", "bathing", "dressingUpper", "dressingLower", "urination", "defecation",
                "toileting", "bedPositionTransfer", "bedChairTransfer", "walking", "stairs", "timeOrientation",
                "placeOrientation", "personOrientation", "memory", "comprehension", "expression", "aggression",
                "depression", "consciousness", "vision", "hearing", "dailyAffairs", "transportation",
                "socialInteraction",
            ])
    }

    static let ranges: [(AbilityItem, Int)] = [
        (.eating, 4), (.grooming, 4), (.bathing, 4), (.dressingUpper, 4), (.dressingLower, 4), (.urination, 4),
        (.defecation, 4), (.toileting, 4), (.bedPositionTransfer, 4), (.bedChairTransfer, 4), (.walking, 4),
        (.stairs, 3), (.timeOrientation, 4), (.placeOrientation, 4), (.personOrientation, 4), (.memory, 4),
        (.comprehension, 4), (.expression, 4), (.aggression, 1), (.depression, 1), (.consciousness, 2),
        (.vision, 2), (.hearing, 2), (.dailyAffairs, 4), (.transportation, 3), (.socialInteraction, 4),
    ]

    @Test("each item accepts 0 and its maximum, and counts in its own indicator", arguments: ranges)
    func itemEdges(item: AbilityItem, maximum: Int) throws {
        #expect(item.maximum == maximum)
        // At its maximum with everything else best: 90.
        #expect(try AbilityScoring.score(Self.answers()).total == 90)
        // At 0: the item's indicator loses exactly its maximum (意识水平 0 is a coma: level 4).
        var s = Self.best
        s[item] = 0
        let r = try AbilityScoring.score(Self.answers(s))
        #expect(r.total == 90 - maximum)
        #expect(r.indicators[item.indicator] == item.indicator.maximum - maximum)
        for other in AbilityIndicator.allCases where other != item.indicator {
            #expect(r.indicators[other] == other.maximum)
        }
    }

    @Test("a score above the maximum or below 0 is refused naming the item", arguments: ranges)
    func itemOutOfRange(item: AbilityItem, maximum: Int) {
        for bad in [maximum + 1, -1] {
            var s = Self.best
            s[item] = bad
            #expect(throws: Refusal.self) { try AbilityScoring.score(Self.answers(s)) }
            do {
                _ = try AbilityScoring.score(Self.answers(s))
            } catch {
                #expect(error.field == "items.\(item.rawValue)")
                #expect(error.kind == .invalid)
                #expect(error.message.contains("0–\(maximum)"))
            }
        }
    }

    @Test("a missing item is refused naming it", arguments: AbilityItem.allCases)
    func missingItem(item: AbilityItem) {
        var s = Self.best
        s[item] = nil
        do {
            _ = try AbilityScoring.score(Self.answers(s))
            Issue.record("accepted without \(item)")
        } catch {
            #expect(error.field == "items.\(item.rawValue)")
            #expect(error.message.contains(item.chinese))
        }
    }

    @Test(
        "the preliminary level at every boundary",
        arguments: [
            (90, 0), (89, 1), (66, 1), (65, 2), (46, 2), (45, 3), (30, 3), (29, 4), (2, 4),
        ])
    func levelBoundaries(total: Int, level: Int) throws {
        let r = try AbilityScoring.score(Self.answers(Self.scores(total: total)))
        #expect(r.total == total)
        #expect(r.preliminaryLevel.rawValue == level)
        #expect(r.finalLevel.rawValue == level)
        #expect(r.changes.isEmpty)
        #expect(AbilityLevel(total: total).rawValue == level)
    }

    @Test func totalZeroIsLevelFour() {
        #expect(AbilityLevel(total: 0) == .total)
    }

    struct Adjustment: Sendable, CustomTestStringConvertible {
        let total: Int
        var coma = false
        var diagnoses: [String] = []
        var risk = 0
        let final: Int
        let changes: [AbilityChange]
        var testDescription: String { "total \(total) coma \(coma) \(diagnoses) risk \(risk)" }
    }

    @Test(
        "the adjustment rules",
        arguments: [
            // Nothing holds.
            Adjustment(total: 90, final: 0, changes: []),
            // Dementia F00–F03 and other mental or behavioural disorders F04–F99 raise by one.
            Adjustment(total: 90, diagnoses: ["F01"], final: 1, changes: [.diagnosis]),
            Adjustment(total: 90, diagnoses: ["F00.1"], final: 1, changes: [.diagnosis]),
            Adjustment(total: 70, diagnoses: ["f03"], final: 2, changes: [.diagnosis]),
            Adjustment(total: 50, diagnoses: ["F20.0"], final: 3, changes: [.diagnosis]),
            Adjustment(total: 40, diagnoses: ["F99"], final: 4, changes: [.diagnosis]),
            // Other chapters do not count.
            Adjustment(total: 90, diagnoses: ["I63.9", "G30"], final: 0, changes: []),
            // Two or more risk events in 30 days raise by one; one does not.
            Adjustment(total: 90, risk: 1, final: 0, changes: []),
            Adjustment(total: 90, risk: 2, final: 1, changes: [.riskEvents]),
            Adjustment(total: 66, risk: 5, final: 2, changes: [.riskEvents]),
            // Both at once: still one raise.
            Adjustment(total: 90, diagnoses: ["F01"], risk: 2, final: 1, changes: [.diagnosis, .riskEvents]),
            Adjustment(total: 45, diagnoses: ["F01"], risk: 3, final: 4, changes: [.diagnosis, .riskEvents]),
            // Never above 4: at level 4 nothing is raised, so nothing is listed.
            Adjustment(total: 29, diagnoses: ["F01"], final: 4, changes: []),
            Adjustment(total: 29, risk: 2, final: 4, changes: []),
            Adjustment(total: 10, diagnoses: ["F01"], risk: 9, final: 4, changes: []),
            // Coma (basic information): level 4, nothing else considered.
            Adjustment(total: 90, coma: true, final: 4, changes: [.coma]),
            Adjustment(total: 90, coma: true, diagnoses: ["F01"], risk: 3, final: 4, changes: [.coma]),
            Adjustment(total: 20, coma: true, final: 4, changes: [.coma]),
        ])
    func adjustments(_ a: Adjustment) throws {
        let r = try AbilityScoring.score(
            Self.answers(Self.scores(total: a.total), coma: a.coma, diagnoses: a.diagnoses, risk: a.risk))
        #expect(r.preliminaryLevel == AbilityLevel(total: a.total))
        #expect(r.finalLevel.rawValue == a.final)
        #expect(r.changes == a.changes)
    }

    @Test("意识水平 answered as 昏迷 (0) is a coma; 嗜睡/昏睡 (1) is not")
    func consciousness() throws {
        var s = Self.best
        s[.consciousness] = 0
        let coma = try AbilityScoring.score(Self.answers(s))
        #expect(coma.total == 88)
        #expect(coma.preliminaryLevel == .mild)
        #expect(coma.finalLevel == .total)
        #expect(coma.changes == [.coma])
        s[.consciousness] = 1
        let drowsy = try AbilityScoring.score(Self.answers(s))
        #expect(drowsy.finalLevel == .mild)
        #expect(drowsy.changes.isEmpty)
    }

    @Test(
        "malformed ICD-10 codes are refused naming the entry",
        arguments: [(["F01", "dementia"], 1), (["F1"], 0), (["F01."], 0), (["01F"], 0), (["F01.12345"], 0), ([""], 0)])
    func malformedDiagnosis(codes: [String], index: Int) {
        do {
            _ = try AbilityScoring.score(Self.answers(diagnoses: codes))
            Issue.record("accepted \(codes)")
        } catch {
            #expect(error.field == "diagnoses[\(index)]")
        }
    }

    @Test func negativeRiskEventsAreRefused() {
        #expect(throws: Refusal.invalid("riskEvents30Days", "风险事件次数应为 0–1000，收到 -1 / expected 0–1000, got -1")) {
            try AbilityScoring.score(Self.answers(risk: -1))
        }
    }

    @Test(
        "the registry's self-care follows the final level (default parameters 2 and 3, and moved ones)",
        arguments: [
            (0, 2, 3, SelfCare.full), (1, 2, 3, .full), (2, 2, 3, .partial), (3, 2, 3, .none), (4, 2, 3, .none),
            (1, 1, 4, .partial), (3, 1, 4, .partial), (4, 1, 4, .none),
        ])
    func selfCare(level: Int, partialFrom: Int, noneFrom: Int, selfCare: SelfCare) {
        #expect(AbilityLevel(rawValue: level)?.selfCare(partialFrom: partialFrom, noneFrom: noneFrom) == selfCare)
    }

    // MARK: the JSON contract

    static func json(_ items: [AbilityItem: Int] = best, extra: String = "") -> Data {
        let body = AbilityItem.allCases.compactMap { i in items[i].map { "\"\(i.rawValue)\": \($0)" } }
            .joined(separator: ", ")
        return Data("{\"items\": {\(body)}\(extra)}".utf8)
    }

    @Test func contractAnswer() throws {
        let data = try AbilityScoring.score(
            jsonData: Self.json(extra: ", \"coma\": false, \"diagnoses\": [], \"riskEvents30Days\": 2"),
            prettyPrinted: false)
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"changes":["riskEvents"],"finalLevel":1,"indicators":{"basicMotor":15,"mentalState":28,"perceptionSocial":15,"selfCare":32},"preliminaryLevel":0,"total":90}"#
        )
    }

    @Test(
        "the contract refuses naming the field",
        arguments: [
            (json(extra: ", \"extra\": 1"), "extra"),
            (Data(#"{"items": {"eating": 4, "bogus": 1}}"#.utf8), "items.bogus"),
            (Data(#"{"coma": false}"#.utf8), "items"),
            (Data(#"{"items": {"eating": 4}}"#.utf8), "items.grooming"),
            (
                json([AbilityItem: Int](uniqueKeysWithValues: best.map { ($0.key, $0.key == .stairs ? 4 : $0.value) })),
                "items.stairs"
            ),
            (
                json([AbilityItem: Int](uniqueKeysWithValues: best.map { ($0.key, $0.key == .stairs ? 4 : $0.value) })),
                "items.stairs"
            ),
            (json(extra: ", \"diagnoses\": [\"F01\", 3]"), "diagnoses[1]"),
            (json(extra: ", \"diagnoses\": [\"X\"]"), "diagnoses[0]"),
            (json(extra: ", \"coma\": 1"), "coma"),
            (Data("not json".utf8), "body"),
        ])
    func contractRefusals(body: Data, field: String) {
        do {
            _ = try AbilityScoring.score(jsonData: body)
            Issue.record("accepted")
        } catch {
            #expect(error.field == field)
            #expect(error.kind == .invalid)
        }
    }

    @Test func contractNamesTheItemOutOfRange() {
        var s = Self.best
        s[.stairs] = 4
        do {
            _ = try AbilityScoring.score(jsonData: Self.json(s))
        } catch {
            #expect(error.description == "items.stairs: “上下楼梯”的得分应为 0–3，收到 4 / score must be 0–3, got 4")
        }
    }
}
