import Foundation
import MinzhengCore
import Vapor

// The sign-in page's model.

extension SignInPageController {
    struct SignInPage: Encodable {
        let layout: LayoutContext
        let username: String
        let next: String
        let error: String?
        let notice: String?
    }
}
