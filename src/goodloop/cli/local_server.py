"""The local web server: one process, a thread per request, on 127.0.0.1 only, and a thread
that runs the background tasks (imports), so a person starts nothing else.

Django's runserver is a development tool (it says so on every start); a person running their
own CRM needs a quiet, dependable server, and WSGI from the standard library is enough.
"""

import gc
import socketserver
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True  # Ctrl-C stops at once, whatever requests are in flight


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass  # a personal app does not need an access log on the terminal


def serve(host: str, port: int) -> None:
    """Serve goodloop's WSGI app, and run its tasks, until interrupted."""
    from django.db import close_old_connections

    from goodloop.runner import worker as task_worker
    from goodloop.wsgi import application

    def app(environ, start_response):
        close_old_connections()
        try:
            return application(environ, start_response)
        finally:
            close_old_connections()

    # Like the gunicorn workers (cli/gunicorn_conf.py): what start-up loaded lives for good, so keep
    # it out of the collector's full passes, which otherwise stall a request every few pages.
    gc.collect()
    gc.freeze()
    with make_server(host, port, app, server_class=ThreadingServer, handler_class=QuietHandler) as httpd:
        worker = task_worker.start_thread()
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            worker.stop()  # a task it was running is left to the next start (lease.py re-runs it)
