// Department feed rows: a pushed JSON batch (`FeedBatch`, `POST /api/v1/feeds/{kind}`) or an
// uploaded CSV file (`CSVReader` + `FeedCSVColumns`, `minzheng feed import`). Input: one byte
// for the feed kind, one for the format (even: JSON, odd: CSV), then the body. Every row of a
// batch is either a record or a problem with its row number; each record is of the kind, keeps
// an id of 1–64 characters, and — the formats' promise — the same row sent the other way (the
// JSON record as a CSV row, the CSV record as JSON) parses to the same record.
import Foundation
import FuzzSupport
import MinzhengCore

let today = CivilDate(year: 2024, month: 6, day: 15)!

enum Value {
    case text(String)
    case number(String)
    case boolean(Bool)

    var csv: String {
        switch self {
        case .text(let s), .number(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        }
    }

    var json: String {
        switch self {
        case .number(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        case .text(let s): return jsonString(s)
        }
    }
}

/// The fields a department would send for `record`, by name (absent optional fields left out).
func values(of record: FeedRecord) -> [String: Value] {
    var v: [String: Value] = ["sourceRecordId": .text(record.sourceRecordId), "idNumber": .text(record.idNumber.value)]
    func date(_ d: CivilDate) -> Value { .text(d.description) }
    func fen(_ f: Fen) -> Value { .number(String(f.value)) }
    switch record.payload {
    case .death(let d): v["deathDate"] = date(d.deathDate)
    case .medicalExpense(let m):
        v["admissionDate"] = date(m.admissionDate)
        v["dischargeDate"] = date(m.dischargeDate)
        v["totalFen"] = fen(m.totalFen)
        v["outOfPocketFen"] = fen(m.outOfPocketFen)
        v["seriousIllness"] = .boolean(m.seriousIllness)
    case .unemployment(let u):
        v["registeredDate"] = date(u.registeredDate)
        v["status"] = .text(u.status.rawValue)
    case .pension(let p):
        v["monthlyFen"] = fen(p.monthlyFen)
        v["fromMonth"] = .text(p.fromMonth.description)
    case .disability(let d):
        v["grade"] = .number(String(d.grade.value))
        v["kind"] = .text(d.kind.rawValue)
        v["certifiedDate"] = date(d.certifiedDate)
        if let until = d.validUntil { v["validUntil"] = date(until) }
    case .vehicle(let x):
        v["registeredDate"] = date(x.registeredDate)
        v["valueFen"] = fen(x.valueFen)
    case .realEstate(let r):
        v["properties"] = .number(String(r.properties))
        v["areaM2"] = .number(r.areaM2.description)
    case .business(let b):
        v["registeredDate"] = date(b.registeredDate)
        v["capitalFen"] = fen(b.capitalFen)
        v["status"] = .text(b.status.rawValue)
    case .school(let s):
        v["level"] = .text(s.level.rawValue)
        v["enrolledDate"] = date(s.enrolledDate)
    case .custody(let c):
        v["startDate"] = date(c.startDate)
        if let end = c.endDate { v["endDate"] = date(end) }
    case .hukouMove(let h):
        v["movedOutDate"] = date(h.movedOutDate)
        v["toRegion"] = .text(h.toRegion.value)
    }
    return v
}

func checkRecord(_ record: FeedRecord, kind: FeedKind) {
    Fuzz.require(record.kind == kind, "a \(kind) row parsed as \(record.kind)")
    let id = record.sourceRecordId
    Fuzz.require(
        (1...FeedRecord.maxSourceRecordIdLength).contains(id.count)
            && !id.unicodeScalars.contains { $0.isControlCharacter } && id == id.trimmedWhitespace,
        "source record id \(id.debugDescription)")
    Fuzz.require(
        (try? ResidentID(record.idNumber.value, today: today)) == record.idNumber, "ID number \(record.idNumber.value)")
}

/// The record sent as a CSV row (header: the kind's fields in catalogue order).
func asCSV(_ record: FeedRecord, kind: FeedKind) {
    let v = values(of: record)
    do {
        let columns = try FeedCSVColumns(kind: kind, header: kind.allFields)
        let again = try columns.record(kind.allFields.map { v[$0]?.csv ?? "" }, today: today)
        Fuzz.require(again == record, "as a CSV row, \(record) reads as \(again)")
    } catch {
        Fuzz.fail("\(record) from JSON is refused as a CSV row: \(error)")
    }
}

/// The record pushed as a JSON object.
func asJSON(_ record: FeedRecord, kind: FeedKind) {
    let v = values(of: record)
    let text =
        "{" + v.sorted { $0.key < $1.key }.map { jsonString($0.key) + ":" + $0.value.json }.joined(separator: ",")
        + "}"
    do {
        let again = try FeedRecord(kind: kind, jsonData: Data(text.utf8), today: today)
        Fuzz.require(again == record, "as JSON \(text), \(record) reads as \(again)")
    } catch {
        Fuzz.fail("\(record) from CSV is refused as JSON \(text): \(error)")
    }
}

func checkBatch(_ body: [UInt8], kind: FeedKind) {
    let batch: FeedBatch
    do throws(FieldProblem) { batch = try FeedBatch(kind: kind, jsonData: Data(body), today: today) } catch {
        Fuzz.require(error.field == "body" && !error.message.isEmpty, "batch refused with \(error)")
        return
    }
    let rows = (batch.records.map(\.row) + batch.problems.map(\.row)).sorted()
    Fuzz.require(rows == Array(0..<rows.count).map { $0 + 1 }, "row numbers \(rows)")
    for problem in batch.problems {
        Fuzz.require(!problem.problem.field.isEmpty && !problem.problem.message.isEmpty, "problem \(problem)")
        if let id = problem.sourceRecordId { Fuzz.require(id.count <= FeedRecord.maxSourceRecordIdLength, "id \(id)") }
    }
    for (_, record) in batch.records {
        checkRecord(record, kind: kind)
        asCSV(record, kind: kind)
    }
}

func checkFile(_ body: [UInt8], kind: FeedKind) {
    do {
        let reader = try CSVReader(path: Fuzz.scratchFile(body))
        guard let header = try reader.next() else { return }
        let columns: FeedCSVColumns
        do throws(FieldProblem) { columns = try FeedCSVColumns(kind: kind, header: header.fields) } catch {
            Fuzz.require(error.field == "header", "header refused with \(error)")
            return
        }
        while let row = try reader.next() {
            do throws(FieldProblem) {
                let record = try columns.record(row.fields, today: today)
                checkRecord(record, kind: kind)
                asJSON(record, kind: kind)
            } catch {
                Fuzz.require(!error.field.isEmpty && !error.message.isEmpty, "row refused with \(error)")
                if let id = columns.sourceRecordId(row.fields) {
                    Fuzz.require(id.count <= FeedRecord.maxSourceRecordIdLength, "id \(id)")
                }
            }
        }
    } catch {
        // The file itself is unreadable (encoding, an open quote): the CSV target's business.
    }
}

Fuzz.run { bytes in
    var input = FuzzInput(bytes)
    let kind = FeedKind.allCases[Int(input.byte()) % FeedKind.allCases.count]
    if input.byte() % 2 == 0 { checkBatch(input.rest, kind: kind) } else { checkFile(input.rest, kind: kind) }
}
