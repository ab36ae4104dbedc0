"""The dashboard served by several Streamlit processes behind HAProxy: ``make run WORKERS=2``.

Usage: .venv/bin/python scripts/workers.py [--workers 2] [--host 127.0.0.1] [--port 8501]
       [--worker-ports P1 P2 ...] [-- streamlit options]

One Streamlit server runs every session's script in one Python process, so it serves
many users with about one core. This starts N servers on loopback ports and HAProxy (the
Debian package) in front of them on HOST:PORT. HAProxy gives each new browser the
process with the fewest connections and a cookie (``meetings_worker``) naming it; the
browser's later requests (the page, its websocket, its media files and uploads) carry the
cookie and reach the process that holds its session. A process that stops answering its
health check gets no new browsers. The processes share the corpus and the caches on disk
and a cookie secret made at start (for Streamlit's signed cookies); XSRF protection stays
on. Only a read-only dashboard (``editing = off``) is served so: an upload, a correction
or a refit in one process would not reach the others' analyses at once. Ctrl-C or SIGTERM
stops them all; when one of them stops, so do the others.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.settings import Settings  # noqa: E402

COOKIE = "meetings_worker"


def haproxy_config(host: str, port: int, workers: list[int]) -> str:
    """HAProxy's configuration: HOST:PORT in front, the workers on loopback behind."""
    servers = "\n".join(
        f"    server w{i} 127.0.0.1:{p} cookie w{i} check inter 2s"
        for i, p in enumerate(workers, 1)
    )
    return f"""global
    maxconn 4096

defaults
    mode http
    option redispatch
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout tunnel 1h

frontend dashboard
    bind {host}:{port}
    default_backend workers

backend workers
    balance leastconn
    cookie {COOKIE} insert indirect nocache httponly attr "SameSite=Lax"
    option httpchk GET /_stcore/health
{servers}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return r.read() == b"ok"
    except OSError:
        return False


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def serve(workers: int, host: str, port: int, ports: list[int], options: list[str]) -> int:
    """Start the workers and HAProxy, and wait until one of them stops."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        sys.exit("HAProxy is not installed: `make run WORKERS=N` installs it (apt).")
    if Settings.from_env().editing != "off":
        sys.exit("Several workers serve a read-only dashboard only (editing = off).")
    ports = ports or [_free_port() for _ in range(workers)]
    env = {**os.environ}
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
               "--server.headless", "true", "--server.address", "127.0.0.1"]  # fmt: skip
    processes = [
        subprocess.Popen([*command, "--server.port", str(p), *options], cwd=ROOT, env=env)
        for p in ports
    ]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    folder = tempfile.TemporaryDirectory(prefix="meetings-haproxy-")
    try:
        deadline = time.monotonic() + 120
        while not all(_healthy(p) for p in ports):
            if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                print("A worker did not start.", file=sys.stderr)
                return 1
            time.sleep(0.25)
        config = Path(folder.name) / "haproxy.cfg"
        config.write_text(haproxy_config(host, port, ports))
        processes.append(subprocess.Popen([haproxy, "-db", "-f", str(config)]))
        print(f"The dashboard: http://{host}:{port} ({len(ports)} workers)", flush=True)
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        _stop(processes)
        folder.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--worker-ports", type=int, nargs="*", default=[],
                        help="the workers' loopback ports (default: free ones)")  # fmt: skip
    args, options = parser.parse_known_args()
    if args.worker_ports and len(args.worker_ports) != args.workers:
        parser.error("give one port per worker")
    options = [o for o in options if o != "--"]
    sys.exit(serve(args.workers, args.host, args.port, args.worker_ports, options))


if __name__ == "__main__":
    main()
