#!/usr/bin/env python3
"""The harness's "attacker peer": a TCP listener (default port 4444) that logs every connection to stdout.

It answers as the attacker would:
  - an HTTP request gets a short 200 response and the connection is closed;
  - a Redis replication handshake (PING) is held silently until the replica gives up or HOLD seconds pass;
  - anything else (a reverse shell, nc) is sent "id; exit" after a second, and its output is logged
    until it closes or HOLD seconds pass.
Each connection is handled in a thread of its own and lasts at most HOLD seconds (by kind).
"""
import socket
import socketserver
import sys
import time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 4444
HOLD = {"redis": 20, "shell": 8}


def log(peer, msg):
    print("%s peer %s:%d %s" % (time.strftime("%Y-%m-%dT%H:%M:%S"), peer[0], peer[1], msg), flush=True)


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        s, peer = self.request, self.client_address
        start = time.monotonic()
        log(peer, "connected")
        s.settimeout(1.0)
        first = b""
        try:
            first = s.recv(4096)
        except socket.timeout:
            pass
        except OSError as e:
            log(peer, "error %s" % e)
            return
        if first:
            log(peer, "sent %r" % first[:200])
        kind = "shell"
        if first[:4] in (b"GET ", b"POST", b"HEAD", b"PUT "):
            kind = "http"
            s.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\npeer\n")
        elif b"PING" in first.upper():
            kind = "redis"
        else:
            try:
                s.sendall(b"id; exit\n")
                log(peer, "sent it 'id; exit'")
            except OSError:
                pass
        if kind != "http":
            while time.monotonic() < start + HOLD[kind]:
                try:
                    data = s.recv(4096)
                except socket.timeout:
                    continue
                except OSError:
                    break
                if not data:
                    break
                log(peer, "sent %r" % data[:200])
        log(peer, "closed (%s)" % kind)


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    with Server(("0.0.0.0", PORT), Handler) as server:
        print("peer listening on :%d" % PORT, flush=True)
        server.serve_forever()
