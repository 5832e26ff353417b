/// The workflow's text catalogue: every label and message of the review, Chinese first,
/// English alongside (for the English catalogue to come and for API clients).

extension WorkflowState {
    public var chinese: String {
        switch self {
        case .submitted: return "已提交"
        case .accepted: return "已受理"
        case .investigated: return "已调查核对"
        case .reviewed: return "已审核"
        case .publicized: return "公示中"
        case .approved: return "已批准"
        case .rejected: return "不予批准"
        case .returned: return "退回补充材料"
        case .withdrawn: return "已撤回"
        }
    }

    public var english: String {
        switch self {
        case .submitted: return "submitted"
        case .accepted: return "accepted"
        case .investigated: return "investigated"
        case .reviewed: return "reviewed"
        case .publicized: return "publicized"
        case .approved: return "approved"
        case .rejected: return "rejected"
        case .returned: return "returned for documents"
        case .withdrawn: return "withdrawn"
        }
    }
}

extension WorkflowActionKind {
    /// The button label.
    public var chinese: String {
        switch self {
        case .accept: return "受理"
        case .investigate: return "登记入户调查与经济状况核对"
        case .review: return "审核"
        case .publicize: return "公示"
        case .object: return "登记异议"
        case .resolveObjection: return "处理异议"
        case .approve: return "审批通过"
        case .reject: return "不予批准"
        case .returnForDocuments: return "退回补充材料"
        case .resubmit: return "补充材料后重新提交"
        case .withdraw: return "撤回申请"
        }
    }

    public var english: String {
        switch self {
        case .accept: return "accept"
        case .investigate: return "record investigation"
        case .review: return "review"
        case .publicize: return "publicize"
        case .object: return "record objection"
        case .resolveObjection: return "resolve objection"
        case .approve: return "approve"
        case .reject: return "reject"
        case .returnForDocuments: return "return for documents"
        case .resubmit: return "resubmit"
        case .withdraw: return "withdraw"
        }
    }
}

extension ApprovingLevel {
    public var chinese: String {
        switch self {
        case .street: return "街道审批"
        case .district: return "区级审批"
        case .city: return "市级审批"
        }
    }
}

extension WorkflowActor {
    public var chinese: String {
        switch self {
        case .applicant: return "申请人"
        case .staff(let role, _, _): return role.chinese
        }
    }

    public var english: String {
        switch self {
        case .applicant: return "applicant"
        case .staff(let role, _, _): return role.rawValue
        }
    }
}

extension WorkflowRefusal {
    /// The message shown to the user (zh-CN). A state refusal names the state in Chinese
    /// and English and lists what the state allows.
    public var message: String {
        switch self {
        case .notAllowedInState(let action, let state, let allowed):
            let head = "申请当前状态为「\(state.chinese)」(\(state.rawValue))，不能「\(action.chinese)」(\(action.rawValue))。"
            if allowed.isEmpty { return head + "该申请已办结，不能再办理任何操作。" }
            return head + "此状态下可以：" + allowed.map(\.chinese).joined(separator: "、") + "。"
        case .notPermitted(let action, let actor):
            return "\(actor.chinese)无权对此申请执行「\(action.chinese)」。"
        case .outsideRegion:
            return "未找到该申请。"
        case .missingNote(let field):
            return "请填写\(Self.chineseField(field))。"
        case .publicityNotOver(let daysLeft):
            return "公示期未满，\(daysLeft) 天后方可审批。"
        case .openObjections(let count):
            return "公示期间有 \(count) 条异议尚未处理，处理完毕后方可审批。"
        case .noOpenObjections:
            return "没有待处理的异议。"
        }
    }

    /// The same message in English.
    public var englishMessage: String {
        switch self {
        case .notAllowedInState(let action, let state, let allowed):
            let head = "The application is \(state.english) (\(state.chinese)); “\(action.english)” is not allowed."
            if allowed.isEmpty { return head + " It is closed: no action is possible." }
            return head + " Allowed in this state: " + allowed.map(\.english).joined(separator: ", ") + "."
        case .notPermitted(let action, let actor):
            return "The \(actor.english) may not \(action.english) this application."
        case .outsideRegion:
            return "Application not found."
        case .missingNote(let field):
            return "\(field) is required."
        case .publicityNotOver(let daysLeft):
            return "Publicity is not over: approval is possible in \(daysLeft) day\(daysLeft == 1 ? "" : "s")."
        case .openObjections(let count):
            return
                "\(count) objection\(count == 1 ? "" : "s") raised during publicity must be resolved before approval."
        case .noOpenObjections:
            return "There is no open objection."
        }
    }

    static func chineseField(_ field: String) -> String {
        switch field {
        case "note": return "说明（理由、意见）"
        case "investigation": return "入户调查记录"
        case "investigation.findings": return "入户调查情况"
        default: return field
        }
    }
}
