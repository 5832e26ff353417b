import Foundation
import MinzhengCore
import Vapor

// The import page's model.

extension ImportPageController {
    struct ImportPage: Encodable {
        let layout: LayoutContext
        let error: String?
    }
}
