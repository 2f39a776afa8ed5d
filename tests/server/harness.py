"""A real `subsidia serve` on 127.0.0.1 (a free port) over a real SQLite file in a temporary
folder, and a small HTTP client on the standard library. Shared by the server's Python tests."""
import http.client
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse

BINARY = os.environ.get("SUBSIDIA_BINARY", "build/subsidia")
SOURCE = os.environ.get("SUBSIDIA_SOURCE_DIR", ".")
PASSWORD = "mot-de-passe-de-test"
USERS = {"agent": "agent", "budget": "budget", "juriste": "juriste", "admin": "admin"}


def add_user(data, name, role, password=PASSWORD):
    subprocess.run([BINARY, "utilisateurs", "ajouter", name, "--role", role, "--donnees", data],
                   input=password + "\n", text=True, check=True, capture_output=True)


class Server:
    def __init__(self, data=None, extra=(), rules=None):
        self.rules = rules or os.path.join(SOURCE, "rules")
        self.own_data = data is None
        self.data = data or tempfile.mkdtemp(prefix="subsidia-serveur-")
        if self.own_data:
            for name, role in USERS.items():
                add_user(self.data, name, role)
        self.extra = list(extra)
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--donnees", self.data, "--ecoute", "127.0.0.1:0",
             "--regles", self.rules] + self.extra,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if "http://" not in line:
            raise RuntimeError("le serveur n'a pas démarré : " + line + self.process.stderr.read())
        self.port = int(line.split("http://")[1].split(" ")[0].rsplit(":", 1)[1])

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=30)
        self.process.stdout.close()
        self.process.stderr.close()
        return self.process.returncode

    def close(self):
        self.stop()
        if self.own_data:
            shutil.rmtree(self.data, ignore_errors=True)

    def request(self, method, path, body=None, headers=None, token=None, content_type=None, timeout=60):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
            h.setdefault("Content-Type", "application/json")
        if content_type:
            h["Content-Type"] = content_type
        if isinstance(body, str):
            body = body.encode("utf-8")
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return Response(r.status, dict((k.lower(), v) for k, v in r.getheaders()), data)

    def login(self, name, password=PASSWORD):
        r = self.request("POST", "/api/session", {"nom": name, "mot_de_passe": password})
        assert r.status == 200, (r.status, r.text)
        return r.json()["jeton"]


class Response:
    def __init__(self, status, headers, data):
        self.status, self.headers, self.data = status, headers, data

    @property
    def text(self):
        return self.data.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.data)


def case(name):
    with open(os.path.join(SOURCE, "cases", name), encoding="utf-8") as f:
        return f.read()


def quote(text):
    return urllib.parse.quote(text, safe="")
