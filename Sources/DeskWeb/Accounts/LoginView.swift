/// The login page: the name tried (echoed back escaped) and why the last attempt failed.
struct LoginView {
    var name: String
    var message: String?
}
