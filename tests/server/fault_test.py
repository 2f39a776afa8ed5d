"""kill -9 while a 10 000-dossier batch is being stored, then a restart on the same file: the
batch is there whole or not at all, SQLite's integrity check passes, and the audit log has
exactly one creation row per stored dossier."""
import json
import os
import signal
import sqlite3
import threading
import time
import unittest

from harness import Server, case

COUNT = 10000


def batch(prefix):
    base = json.loads(case("ciblage-2019-non-affectee.json"))
    lines = []
    for i in range(COUNT):
        base["id"] = "%s-%05d" % (prefix, i)
        lines.append(json.dumps(base, ensure_ascii=False))
    return "\n".join(lines) + "\n"


class Fault(unittest.TestCase):
    def test_kill_9_during_a_batch_leaves_all_or_nothing(self):
        server = Server()
        try:
            token = server.login("agent")
            # The whole batch once, uninterrupted: it goes in whole, in one request, and its
            # duration places the kills below inside the request (read, checked, written).
            start = time.time()
            r = server.request("POST", "/api/dossiers", batch("ENTIER"), token=token, content_type="application/x-ndjson")
            duration = time.time() - start
            self.assertEqual(r.status, 201)
            self.assertEqual(r.json()["resume"]["non_conforme"], COUNT)
            outcomes = []
            wal = os.path.join(server.data, "subsidia.sqlite-wal")
            # Round 0 is killed while the request is read or checked; rounds 1 and 2 while
            # the transaction writes: as soon as the WAL file grows by 1 MB (the batch's
            # pages spill from SQLite's cache into the WAL before the commit).
            for round_number, trigger in enumerate(["temps", "wal", "wal"]):
                body = batch("PANNE%d" % round_number)
                answer = {}

                def post():
                    try:
                        answer["status"] = server.request("POST", "/api/dossiers", body, token=token,
                                                          content_type="application/x-ndjson").status
                    except Exception as e:  # the connection dies with the server
                        answer["error"] = repr(e)

                thread = threading.Thread(target=post)
                wal_before = os.path.getsize(wal) if os.path.exists(wal) else 0
                thread.start()
                if trigger == "temps":
                    time.sleep(duration * 0.1)
                else:
                    deadline = time.time() + 2 * duration + 10
                    while time.time() < deadline and "status" not in answer:
                        if os.path.exists(wal) and os.path.getsize(wal) > wal_before + (1 << 20):
                            break
                        time.sleep(0.002)
                server.process.send_signal(signal.SIGKILL)
                thread.join(timeout=60)
                server.stop()
                db = sqlite3.connect(os.path.join(server.data, "subsidia.sqlite"))
                self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
                stored = db.execute("SELECT count(*) FROM dossiers WHERE id LIKE ?", ("PANNE%d-%%" % round_number,)).fetchone()[0]
                self.assertIn(stored, (0, COUNT), "round %d" % round_number)
                if answer.get("status") == 201:
                    self.assertEqual(stored, COUNT)
                outcomes.append((trigger, stored, answer.get("status")))
                total = db.execute("SELECT count(*) FROM dossiers").fetchone()[0]
                self.assertEqual(total, COUNT * (1 + sum(1 for o in outcomes if o[1])))
                created = db.execute("SELECT count(*) FROM audit WHERE action = 'dossier_cree'").fetchone()[0]
                checks = db.execute("SELECT count(*) FROM verifications").fetchone()[0]
                self.assertEqual(created, total)
                self.assertEqual(checks, total)
                db.close()
                server.start()
                token = server.login("agent")
            print("lot entier en %.2f s ; dossiers enregistrés à chaque tour :" % duration, outcomes)
        finally:
            server.close()


if __name__ == "__main__":
    unittest.main()
