"""The receiver compose-smoke points the alert notifier's Slack target and the reply sender's SMS
gateway at: answers every POST 200 "ok" (as Slack does; a gateway may answer anything 2xx) and
appends its path and body, one line each, to a file.

    python3 deploy/smoke-receiver.py <port> <file>
"""
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(sys.argv[2], "ab") as delivered:
            delivered.write(self.path.encode() + b" " + body.replace(b"\n", b" ") + b"\n")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format, *args):
        sys.stderr.write("receiver: %s\n" % (format % args))


if __name__ == "__main__":
    open(sys.argv[2], "ab").close()
    HTTPServer(("0.0.0.0", int(sys.argv[1])), Receiver).serve_forever()
