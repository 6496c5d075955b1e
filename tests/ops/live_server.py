"""`unblame serve` as a child process of a test, and a signed-in client for it."""

from __future__ import annotations

import http.client
import socket
import subprocess
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from .conftest import UNBLAME, Install


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """One `unblame serve` process for `install`; its output goes to `log`."""

    def __init__(self, install: Install, log: Path) -> None:
        self.install, self.log, self.port = install, log, free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [UNBLAME, "serve", "--port", str(self.port)],
                env=self.install.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        for _ in range(600):
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                if Client(self.port).send("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("the server never answered /healthz")

    def kill(self) -> None:
        """SIGKILL: no shutdown code of ours or waitress's runs."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)


class Client:
    """Cookies, CSRF and one keep-alive connection: what a browser does, minus the browser."""

    def __init__(self, port: int) -> None:
        self.port, self.cookies = port, {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def send(self, method: str, path: str, fields: dict[str, str] | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = b""
        if method == "POST":
            body = urlencode(fields or {}).encode()
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
                "Referer": f"http://127.0.0.1:{self.port}/",
            }
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, data

    def sign_in(self, username: str, password: str) -> None:
        self.send("GET", "/login/")
        status, _ = self.send("POST", "/login/", {"username": username, "password": password})
        assert status == 302, f"{username} could not sign in ({status})"
