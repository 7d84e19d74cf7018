#!/usr/bin/env python3
"""A small web app for Bulwark's runtime harness (testing/harness/), standard library only.

Benign endpoints:
  GET /          a static page
  GET /health    "ok" (the image's healthcheck)
  GET /api/time  runs /usr/bin/date without a shell and returns its output
  GET /api/status  the app's uptime and request count, from memory (no program run)

Every request is logged to /var/log/app/access.log; the app rotates that file itself (renames it to
access.log.1) every ROTATE_EVERY lines.

POST /debug is deliberately vulnerable: it simulates remote code execution, for the harness's attack
scripts only. Its JSON body names an action:
  {"action":"exec","argv":[...],"timeout":10}        subprocess.run(argv) without a shell
  {"action":"exec","argv":[...],"env":{"K":"V"}}     the same with variables added to its environment
  {"action":"exec","argv":[...],"executable":"..."}  runs EXECUTABLE with ARGV (argv[0] renamed)
  {"action":"copy","from":"...","to":"...","mode":"755"}  copies a file from Python
  {"action":"listen","port":N,"hold":5}             listens on TCP port N for N seconds (a bind shell's socket)
  {"action":"write","path":"...","data":"..."}      writes the file from Python
  {"action":"read","path":"..."}                    reads the file from Python
  {"action":"connect","host":"...","port":N,"hold":5}  opens a TCP connection and holds it N seconds
  {"action":"burn","seconds":N}                     busy-loops one core in a thread, returns at once
"""
import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ.get("PORT", "8000"))
LOG_DIR = "/var/log/app"
LOG_PATH = os.path.join(LOG_DIR, "access.log")
ROTATE_EVERY = int(os.environ.get("ROTATE_EVERY", "200"))
MAX_EXEC_TIMEOUT = 60
MAX_HOLD = 60
MAX_BURN = 300
STARTED = time.monotonic()

INDEX = b"""<!doctype html>
<html><head><title>harness web</title></head>
<body><p>A small Python web app for the Bulwark runtime harness.</p></body></html>
"""


class AccessLog:
    """Appends one line per request and renames the file to access.log.1 every ROTATE_EVERY lines."""

    def __init__(self, path, rotate_every):
        self.path = path
        self.rotate_every = rotate_every
        self.lock = threading.Lock()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.file = open(path, "a", buffering=1)
        self.lines = 0
        self.total = 0

    def write(self, line):
        with self.lock:
            self.file.write(line + "\n")
            self.lines += 1
            self.total += 1
            if self.lines >= self.rotate_every:
                self.file.close()
                os.replace(self.path, self.path + ".1")
                self.file = open(self.path, "a", buffering=1)
                self.lines = 0


access_log = AccessLog(LOG_PATH, ROTATE_EVERY)


def burn(seconds):
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1


def run_exec(argv, timeout, env=None, executable=None):
    # A session of its own, so that on timeout the whole group it started is killed.
    proc = subprocess.Popen(argv, executable=executable, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True,
                            env=dict(os.environ, **env) if env else None)
    try:
        out, _ = proc.communicate(timeout=timeout)
        return {"ok": proc.returncode == 0, "returncode": proc.returncode,
                "output": out.decode("utf-8", "replace")}
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        return {"ok": False, "returncode": None, "timed_out": True,
                "output": out.decode("utf-8", "replace")}


def debug(body):
    action = body.get("action")
    if action == "exec":
        argv = body["argv"]
        if not isinstance(argv, list) or not argv or not all(isinstance(a, str) for a in argv):
            raise ValueError("argv must be a non-empty list of strings")
        timeout = min(float(body.get("timeout", 10)), MAX_EXEC_TIMEOUT)
        env = body.get("env") or {}
        if not isinstance(env, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in env.items()):
            raise ValueError("env must be an object of strings")
        executable = body.get("executable")
        if executable is not None and not isinstance(executable, str):
            raise ValueError("executable must be a string")
        try:
            return run_exec(argv, timeout, env, executable)
        except OSError as e:
            return {"ok": False, "error": str(e)}
    if action == "write":
        with open(body["path"], "w") as f:
            f.write(body.get("data", ""))
        mode = body.get("mode")
        if mode is not None:
            os.chmod(body["path"], int(str(mode), 8))
        return {"ok": True, "path": body["path"], "bytes": len(body.get("data", ""))}
    if action == "read":
        with open(body["path"], "rb") as f:
            data = f.read(65536)
        return {"ok": True, "path": body["path"], "data": data.decode("utf-8", "replace")}
    if action == "connect":
        hold = min(float(body.get("hold", 5)), MAX_HOLD)
        try:
            with socket.create_connection((body["host"], int(body["port"])), timeout=5) as s:
                local = "%s:%d" % s.getsockname()[:2]
                time.sleep(hold)
            return {"ok": True, "connected": True, "local": local, "held": hold}
        except OSError as e:
            return {"ok": False, "connected": False, "error": str(e)}
    if action == "copy":
        shutil.copyfile(body["from"], body["to"])
        os.chmod(body["to"], int(str(body.get("mode", "644")), 8))
        return {"ok": True, "from": body["from"], "to": body["to"]}
    if action == "listen":
        hold = min(float(body.get("hold", 5)), MAX_HOLD)
        with socket.create_server(("0.0.0.0", int(body["port"]))) as s:
            s.settimeout(hold)
            try:
                conn, peer = s.accept()
                conn.close()
                return {"ok": True, "listened": hold, "accepted": "%s:%d" % peer[:2]}
            except socket.timeout:
                return {"ok": True, "listened": hold, "accepted": None}
    if action == "burn":
        seconds = min(float(body.get("seconds", 10)), MAX_BURN)
        threading.Thread(target=burn, args=(seconds,), daemon=True).start()
        return {"ok": True, "burning": seconds}
    raise ValueError("unknown action %r" % (action,))


class Handler(BaseHTTPRequestHandler):
    server_version = "harness-web/1.0"
    protocol_version = "HTTP/1.0"

    def send(self, status, body, content_type="text/plain; charset=utf-8"):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_json(self, status, obj):
        self.send(status, json.dumps(obj) + "\n", "application/json")

    def do_GET(self):
        if self.path == "/":
            self.send(200, INDEX, "text/html; charset=utf-8")
        elif self.path == "/health":
            self.send(200, "ok\n")
        elif self.path == "/api/status":
            self.send_json(200, {"uptime": round(time.monotonic() - STARTED, 1), "requests": access_log.total})
        elif self.path == "/api/time":
            out = subprocess.run(["/usr/bin/date", "-u", "+%Y-%m-%dT%H:%M:%SZ"],
                                 capture_output=True, timeout=5, check=True).stdout.decode().strip()
            self.send_json(200, {"time": out, "host": socket.gethostname()})
        else:
            self.send(404, "not found\n")

    def do_POST(self):
        if self.path != "/debug":
            self.send(404, "not found\n")
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            self.send_json(200, debug(body))
        except (ValueError, KeyError, TypeError, OSError) as e:
            self.send_json(400, {"ok": False, "error": "%s: %s" % (type(e).__name__, e)})

    def log_message(self, fmt, *args):
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        access_log.write("%s %s %s" % (stamp, self.address_string(), fmt % args))


def main():
    server = ThreadingHTTPServer(("0.0.0.0", PORT), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print("harness web app listening on :%d, logging to %s" % (PORT, LOG_PATH), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
