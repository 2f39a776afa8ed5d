"""A bounded load on loopback: 16 clients each sending POST /api/verifier on a kept-alive
connection; every answer must be a 200 with one dossier checked. The measurement itself
(more requests, req/s, p50/p99) is bench/server_load.py; this only asserts no error."""
import json
import unittest

from harness import Server, case

import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
from server_load import run_load  # noqa: E402


class Load(unittest.TestCase):
    def test_sixteen_clients_without_an_error(self):
        server = Server()
        try:
            token = server.login("juriste")
            result = run_load(server.port, token, case("ciblage-2019-non-affectee.json"), clients=16, requests=40)
            self.assertEqual(result["errors"], [], result["errors"][:3])
            self.assertEqual(result["count"], 16 * 40)
            print("%.0f req/s, p50 %.2f ms, p99 %.2f ms" % (result["rate"], result["p50"], result["p99"]))
        finally:
            server.close()


if __name__ == "__main__":
    unittest.main()
