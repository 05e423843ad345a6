"""One module per page. Views are thin: they read the request, call services, render."""
