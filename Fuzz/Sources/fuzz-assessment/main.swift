// The assessment request decoder (`AssessmentRequest(jsonData:)`, the body of
// `POST /api/v1/assessments`) and the assessment behind it. A body is either refused with a
// typed `AssessmentRequestError` with a message, or decoded to a request
// that re-validates, encodes to JSON that decodes to the same request, and is assessed with
// the shipped Changzhou parameters to an answer (or a region / month refusal) whose JSON
// is valid.
import Foundation
import FuzzSupport
import MinzhengCore

let service: AssessmentService = {
    do { return AssessmentService(history: try PolicyDefaults.load().history) } catch {
        Fuzz.fail("policy defaults: \(error)")
    }
}()

Fuzz.run { bytes in
    let request: AssessmentRequest
    do throws(AssessmentRequestError) {
        request = try AssessmentRequest(jsonData: Data(bytes))
    } catch {
        // An unknown field is named as sent, so the field may be any text; the message never empty.
        Fuzz.require(!error.message.isEmpty, "a refusal without a message")
        return
    }
    do { try request.validate() } catch { Fuzz.fail("decoded, but validate() refuses it: \(error)") }
    let encoded = request.jsonData()
    Fuzz.require(
        (try? JSONSerialization.jsonObject(with: encoded)) != nil,
        "encoded request is not JSON: \(String(decoding: encoded, as: UTF8.self))")
    do {
        let again = try AssessmentRequest(jsonData: encoded)
        Fuzz.require(again == request, "encoded and decoded again, the request differs: \(again) vs \(request)")
    } catch {
        Fuzz.fail("the request's own JSON is refused: \(error)\n\(String(decoding: encoded, as: UTF8.self))")
    }
    do {
        let answer = try service.assess(request)
        let json = try answer.jsonData(prettyPrinted: false)
        Fuzz.require((try? JSONSerialization.jsonObject(with: json)) != nil, "the answer is not JSON")
        // Members assessed on their own (特困) are not counted in the household: 0 is possible.
        Fuzz.require(
            (0...request.members.count).contains(answer.householdSize), "household size \(answer.householdSize)")
        Fuzz.require(answer.programs.allSatisfy { $0.monthlyFen >= 0 }, "a negative payment: \(answer.programs)")
    } catch let error as AssessmentRequestError {
        Fuzz.require(
            error.field == "region" || error.field == "month",
            "a valid request refused by the assessment: \(error)")
    } catch {
        Fuzz.fail("the answer cannot be encoded: \(error)")
    }
}
