/// The watches page: the reader's watches (all of them for editors), and whether this visitor may change them.
struct WatchesPage {
    struct Row {
        var id: Int64
        var name: String
        var query: String
        var entities: String
        var sources: String
        var webhookURL: String?
    }
    var watches: [Row]
    var canEdit: Bool
    var signedIn: Bool
    /// A secret to show once (right after a watch with a webhook was made).
    var secret: String?
}

/// One watch's page: its edit form (editors) and its recent deliveries.
struct WatchPage {
    var watch: WatchesPage.Row
    var canEdit: Bool
    var deliveries: [DeliveryView]
}
